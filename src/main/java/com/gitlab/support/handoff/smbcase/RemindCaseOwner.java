package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.workflow.CalledInstances;
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
 * at the top of "My open cases". The case task may wait in a process the case called (the contact attempts,
 * {@link SmbCase#ATTEMPT_CONTACT_PROCESS_KEY}): that instance gets the {@code caseReminder} too, as its task shows it.
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
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    if (caller != null) {
      // The contact attempts run in a process the case called: the case shows the reminder too.
      execution.getProcessEngineServices().getRuntimeService()
          .setVariable(caller.getProcessInstanceId(), "caseReminder", reminder);
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery()
        .processInstanceIdIn(CalledInstances.idsOf(execution).toArray(String[]::new))
        .taskDefinitionKeyIn(SmbCase.WORK_TASKS.toArray(String[]::new)).list()) {
      if (!task.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
        execution.getProcessEngineServices().getRuntimeService()
            .setVariable(task.getProcessInstanceId(), "caseReminder", reminder);
      }
      task.setFollowUpDate(now);
      task.setDescription(reminder);
      tasks.saveTask(task);
    }
  }
}
