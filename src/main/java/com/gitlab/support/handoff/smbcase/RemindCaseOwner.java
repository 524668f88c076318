package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * R24, R26: reminds the case's advocate in Tasklist. The {@code reminder} text becomes
 * {@code caseReminder} (the case form shows it) and the open case task comes up for follow-up now,
 * at the top of "My open cases".
 */
@Component("remindCaseOwner")
public class RemindCaseOwner implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input REMINDER = INPUTS.required("reminder");

  @Override
  public void execute(DelegateExecution execution) {
    String reminder = REMINDER.text(execution);
    Date now = ClockUtil.getCurrentTime();
    execution.getProcessInstance().setVariable("caseReminder", reminder);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(SmbCase.WORK_TASKS.toArray(String[]::new)).list()) {
      task.setFollowUpDate(now);
      task.setDescription(reminder);
      tasks.saveTask(task);
    }
  }
}
