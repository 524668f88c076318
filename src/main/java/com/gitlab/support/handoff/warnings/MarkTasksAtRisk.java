package com.gitlab.support.handoff.warnings;

import com.gitlab.support.handoff.workflow.CalledInstances;
import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Issue #15: a target is close, so the open user tasks {@code atRiskTasks} (task definition keys) of this
 * process instance, or of a process it called that still runs (issue #13: the SMB case's contact attempts), get the task variables {@value #AT_RISK} = true and {@value #BREACH_AT} (when the target
 * is missed), which the Tasklist filter "At risk" ({@link AtRiskFilter}) lists. Only the engine's own
 * data changes, in the warning's transaction: a retried warning sets the same values again.
 */
@Component("markTasksAtRisk")
public class MarkTasksAtRisk implements JavaDelegate {

  public static final String AT_RISK = "atRisk";
  public static final String BREACH_AT = "breachAt";

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input AT_RISK_TASKS = INPUTS.required("atRiskTasks");
  private static final Input BREACH_AT_INPUT = INPUTS.required(BREACH_AT);

  @Override
  public void execute(DelegateExecution execution) {
    List<String> keys = AT_RISK_TASKS.list(execution);
    Object breachAt = BREACH_AT_INPUT.value(execution);
    if (!(breachAt instanceof Date)) {
      throw new IllegalArgumentException("Task '" + execution.getCurrentActivityName() + "': the input '"
          + BREACH_AT + "' must be a date, e.g. ${breachWarnings.breachAt(salesCalendar, 'PT24H')}, not '" + breachAt + "'");
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery()
        .processInstanceIdIn(CalledInstances.idsOf(execution).toArray(String[]::new))
        .taskDefinitionKeyIn(keys.toArray(String[]::new)).active().list()) {
      tasks.setVariableLocal(task.getId(), AT_RISK, true);
      tasks.setVariableLocal(task.getId(), BREACH_AT, breachAt);
    }
  }
}
