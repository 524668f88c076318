package com.gitlab.support.handoff.refusals;

import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Done by hand": the person did what the refused step would have done, so the failed instance moves
 * past the step without calling (process instance modification: start after the step, cancel the
 * waiting step). The step's job and incident go with it. When the instance or the step is gone
 * (ended meanwhile, e.g. the ticket was solved, R40) the resolution ends quietly.
 *
 * <p>What the step would have returned and later steps read ({@link HandResults}, named by the step's
 * {@value HandResults#PROPERTY}) is set on the step's process instance first, from the form fields
 * {@code handResult1} …; a missing one fails the task's completion with a message naming its label, so
 * the person fills it in rather than leaving a later step without it.
 */
@Component("skipFailedStep")
public class SkipFailedStep implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input FAILED_PROCESS_INSTANCE_ID = INPUTS.required("failedProcessInstanceId");
  private static final Input FAILED_EXECUTION_ID = INPUTS.required("failedExecutionId");
  private static final Input FAILED_ACTIVITY_ID = INPUTS.required("failedActivityId");
  private static final Input INCIDENT_ID = INPUTS.required("incidentId");

  private static final Logger LOG = LoggerFactory.getLogger(SkipFailedStep.class);

  private final RuntimeService runtime;

  public SkipFailedStep(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String instanceId = FAILED_PROCESS_INSTANCE_ID.text(execution);
    String executionId = FAILED_EXECUTION_ID.text(execution);
    String activityId = FAILED_ACTIVITY_ID.text(execution);
    ActivityInstance tree = runtime.getActivityInstance(instanceId);
    Optional<Waiting> waiting = tree == null ? Optional.empty() : find(tree, executionId, activityId);
    if (waiting.isEmpty()) {
      LOG.info("Step {} of instance {} no longer waits (the instance moved on or ended): nothing to skip",
          activityId, instanceId);
      return;
    }
    Map<String, Object> results = handResults(execution);
    results.forEach((name, value) -> runtime.setVariable(instanceId, name, value));
    RefusalsInFlight.whileResolving(INCIDENT_ID.text(execution), () -> runtime
        .createProcessInstanceModification(instanceId)
        .startAfterActivity(activityId, waiting.get().parentId())
        .cancelTransitionInstance(waiting.get().transitionId())
        .execute());
  }

  /** The values the person entered for the step's results, by variable name. */
  private static Map<String, Object> handResults(DelegateExecution execution) {
    Map<String, Object> results = new LinkedHashMap<>();
    for (int n = 1; n <= HandResults.MAX; n++) {
      Object variable = entered(execution, HandResults.variableKey(n));
      if (variable == null) {
        continue;
      }
      Object value = entered(execution, HandResults.valueKey(n));
      if (value == null || value.toString().isBlank()) {
        throw new ProcessEngineException("Done by hand: enter '" + entered(execution, HandResults.labelKey(n))
            + "' (" + variable + "); a later step reads it");
      }
      results.put(variable.toString(), value.toString().strip());
    }
    return results;
  }

  /** A variable of the resolution (what the refusal described, what the person entered): no input of the step. */
  private static Object entered(DelegateExecution execution, String name) {
    return execution.getVariable(name);
  }

  /** The step waiting in its job (a transition instance, the step being async before) and its scope. */
  private record Waiting(String transitionId, String parentId) {}

  private static Optional<Waiting> find(ActivityInstance scope, String executionId, String activityId) {
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      if (activityId.equals(transition.getActivityId()) && executionId.equals(transition.getExecutionId())) {
        return Optional.of(new Waiting(transition.getId(), scope.getId()));
      }
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      Optional<Waiting> found = find(child, executionId, activityId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
