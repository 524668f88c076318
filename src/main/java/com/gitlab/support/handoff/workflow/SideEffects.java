package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.sandbox.OutboxContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The shared plumbing of every delegate that calls an outside system: at most once per side effect,
 * results into process variables, and failures mapped for the engine.
 *
 * <p>Failures: a retryable {@link ConnectorException} propagates, so the job is retried on the
 * engine's back-off and ends as a Cockpit incident carrying the message; a rejected request becomes
 * the BPMN error {@value #REJECTED_ERROR_CODE} with the message in {@code connectorError}, which the
 * models route to a person.
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
  public Map<String, Object> once(DelegateExecution execution, String target, Supplier<Map<String, Object>> effect) {
    String key = keyOf(execution, target);
    Optional<Map<String, Object>> done = log.find(key);
    Map<String, Object> result = done.orElseGet(() -> {
      Map<String, Object> performed = call(execution, effect);
      log.record(key, performed);
      return performed;
    });
    publish(execution, result);
    return result;
  }

  /** A read with no side effect: only the failure mapping applies. */
  public Map<String, Object> lookUp(DelegateExecution execution, Supplier<Map<String, Object>> lookUp) {
    Map<String, Object> result = call(execution, lookUp);
    publish(execution, result);
    return result;
  }

  /**
   * Results go to the process instance: a task with input parameters has a local variable scope, and
   * a plain {@code setVariable} there would vanish when the task ends.
   */
  private static void publish(DelegateExecution execution, Map<String, Object> result) {
    result.forEach(execution.getProcessInstance()::setVariable);
  }

  private Map<String, Object> call(DelegateExecution execution, Supplier<Map<String, Object>> work) {
    try {
      return new LinkedHashMap<>(OutboxContext.forTicket(execution.getProcessBusinessKey(), work));
    } catch (ConnectorException e) {
      if (e.isRetryable()) {
        throw e;
      }
      execution.getProcessInstance().setVariable("connectorError", e.getMessage());
      throw new BpmnError(REJECTED_ERROR_CODE, e.getMessage());
    }
  }

  static String keyOf(DelegateExecution execution, String target) {
    Object scope = execution.getVariableLocal(SCOPE_VARIABLE);
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
        + Objects.requireNonNullElse(target, "") + (scope == null ? "" : ":" + scope);
  }
}
