package com.gitlab.support.handoff.refusals;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.jobs.FailedJobRule;
import java.util.Optional;

/**
 * A remote system refused a step's call (a 4xx, a {@link ConnectorException} that is not retryable):
 * trying again unchanged would be refused again, so a person resolves it (docs/refusals.md).
 *
 * @param system the refusing system's display name, e.g. {@code Salesforce}
 * @param reason what the system answered, as the connector words it
 */
public record Refusal(String system, String reason) {

  /** The refusal a job failure carries, if it is one. */
  public static Optional<Refusal> of(Throwable failure) {
    return FailedJobRule.causeOf(failure, ConnectorException.class)
        .filter(e -> !e.isRetryable())
        .map(e -> new Refusal(e.system().displayName(), e.getMessage()));
  }
}
