package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.sandbox.OutboxContext;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The shared plumbing of every delegate that calls an outside system: at most once per side effect,
 * also across a node killed mid-call; results into process variables; failures mapped for the engine.
 *
 * <p>At most once: the {@link SideEffectLog} claims the side effect before the call and records its
 * result after. A retry that finds a claim whose attempt never recorded its end (the node died, the
 * call timed out) asks the outside system whether the call was made ({@link SideEffect#findDone()}),
 * and calls again only when it was not, and only once the earlier call can no longer be under way.
 *
 * <p>Failures: a {@link ConnectorException} propagates and the job fails. A retryable one is retried on
 * the engine's back-off and ends as a Cockpit incident carrying the message. A refusal (not
 * retryable) is handled once for every diagram (docs/refusals.md): {@code RefusalRule} opens the
 * incident at once and a {@code resolveRefusal} task asks a person to fix and retry or do it by hand.
 * A refused call the remote system answered released its claim in the log, so the retry calls again.
 *
 * <p>Only a diagram that still catches the BPMN error {@value #REJECTED_ERROR_CODE} on the step (or
 * a sub-process around it) gets that error instead, with the message in {@code connectorError}: its
 * own modelled handling wins (smbCase.bpmn, smbCaseSalesforceSync.bpmn).
 */
@Component
public class SideEffects {

  public static final String REJECTED_ERROR_CODE = "connectorRejected";
  /** Optional input parameter that tells apart side effects of one activity with one target, e.g. a loop counter. */
  public static final String SCOPE_VARIABLE = "sideEffectScope";

  private final SideEffectLog log;

  public SideEffects(SideEffectLog log) {
    this.log = log;
  }

  /**
   * Performs a side effect unless this activity of this instance already performed it for this
   * target; either way the result ends up in process variables.
   */
  public Map<String, Object> once(DelegateExecution execution, String target, SideEffect effect) {
    String key = keyOf(execution, target);
    Map<String, Object> result = log.claim(key, execution.getProcessInstanceId())
        ? perform(execution, key, effect)
        : resume(execution, key, effect);
    publish(execution, result);
    return result;
  }

  /** A read with no side effect: only the failure mapping applies. */
  public Map<String, Object> lookUp(DelegateExecution execution, Supplier<Map<String, Object>> lookUp) {
    Map<String, Object> result = new LinkedHashMap<>(call(execution, lookUp));
    publish(execution, result);
    return result;
  }

  /** The log knew the side effect: done, or begun by an attempt that did not say how it ended. */
  private Map<String, Object> resume(DelegateExecution execution, String key, SideEffect effect) {
    Optional<SideEffectLog.Entry> entry = log.find(key);
    if (entry.isEmpty()) {
      // Released a moment ago: the remote system refused an attempt running at the same time.
      if (log.claim(key, execution.getProcessInstanceId())) {
        return perform(execution, key, effect);
      }
      throw new SideEffectInFlightException(execution.getCurrentActivityName(), log.now());
    }
    if (entry.get() instanceof SideEffectLog.Done done) {
      return done.result();
    }
    Instant attemptedAt = ((SideEffectLog.Pending) entry.get()).attemptedAt();
    Optional<Map<String, Object>> found = call(execution, () -> effect.findDone().apply(key, attemptedAt));
    if (found.isPresent()) {
      Map<String, Object> result = new LinkedHashMap<>(found.get());
      log.record(key, execution.getProcessInstanceId(), result);
      return result;
    }
    if (log.now().isBefore(attemptedAt.plus(effect.longestCall()))) {
      throw new SideEffectInFlightException(execution.getCurrentActivityName(), attemptedAt);
    }
    if (!log.reclaim(key, attemptedAt)) {
      // Another node's retry took it over a moment ago.
      throw new SideEffectInFlightException(execution.getCurrentActivityName(), log.now());
    }
    return perform(execution, key, effect);
  }

  private Map<String, Object> perform(DelegateExecution execution, String key, SideEffect effect) {
    Map<String, Object> performed = new LinkedHashMap<>(call(execution, () -> {
      try {
        return effect.perform().apply(key);
      } catch (ConnectorException e) {
        if (e.hadNoEffect()) {
          log.release(key);
        }
        throw e;
      }
    }));
    log.record(key, execution.getProcessInstanceId(), performed);
    return performed;
  }

  /**
   * Results go to the process instance: a task with input parameters has a local variable scope, and
   * a plain {@code setVariable} there would vanish when the task ends.
   */
  private static void publish(DelegateExecution execution, Map<String, Object> result) {
    result.forEach(execution.getProcessInstance()::setVariable);
  }

  private static <T> T call(DelegateExecution execution, Supplier<T> work) {
    try {
      return OutboxContext.forTicket(execution.getProcessBusinessKey(), work);
    } catch (ConnectorException e) {
      if (e.isRetryable() || !modelCatchesRefusal(execution)) {
        throw e;
      }
      execution.getProcessInstance().setVariable("connectorError", e.getMessage());
      throw new BpmnError(REJECTED_ERROR_CODE, e.getMessage());
    }
  }

  /** Whether an error boundary event for {@value #REJECTED_ERROR_CODE} sits on the step or a scope around it. */
  static boolean modelCatchesRefusal(DelegateExecution execution) {
    FlowElement step = execution.getBpmnModelElementInstance();
    if (step == null) {
      return false;
    }
    Collection<BoundaryEvent> boundaries = execution.getBpmnModelInstance().getModelElementsByType(BoundaryEvent.class);
    for (ModelElementInstance scope = step; scope != null; scope = scope.getParentElement()) {
      if (scope instanceof Activity activity) {
        for (BoundaryEvent boundary : boundaries) {
          if (boundary.getAttachedTo() == activity && catchesRefusal(boundary)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean catchesRefusal(BoundaryEvent boundary) {
    return boundary.getEventDefinitions().stream()
        .filter(ErrorEventDefinition.class::isInstance)
        .map(definition -> ((ErrorEventDefinition) definition).getError())
        .anyMatch(error -> error == null || REJECTED_ERROR_CODE.equals(error.getErrorCode()));
  }

  static String keyOf(DelegateExecution execution, String target) {
    Object scope = execution.getVariableLocal(SCOPE_VARIABLE);
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
        + Objects.requireNonNullElse(target, "") + (scope == null ? "" : ":" + scope);
  }
}
