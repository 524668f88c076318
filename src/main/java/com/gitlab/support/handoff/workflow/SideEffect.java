package com.gitlab.support.handoff.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One call that changes an outside system, as {@link SideEffects} runs it: at most once, also when a
 * node dies mid-call.
 *
 * @param perform makes the call and returns what goes into process variables; it gets the side
 *     effect's key, which the request carries where the system keeps one (Slack message metadata, the
 *     sandbox's outbox)
 * @param findDone after an attempt was cut off at {@code attemptedAt} without recording how it ended:
 *     the result when the system shows the call was made, empty when it shows it was not
 * @param longestCall how long after an attempt began its call may still be under way (the connector's
 *     timeouts): until then an empty {@code findDone} does not yet prove that nothing happened
 */
public record SideEffect(
    Function<String, Map<String, Object>> perform,
    BiFunction<String, Instant, Optional<Map<String, Object>>> findDone,
    Duration longestCall) {

  /** A call that may be made twice with no harm, such as setting fields to the same values. */
  public static SideEffect repeatable(Function<String, Map<String, Object>> perform) {
    return new SideEffect(perform, (key, attemptedAt) -> Optional.empty(), Duration.ZERO);
  }
}
