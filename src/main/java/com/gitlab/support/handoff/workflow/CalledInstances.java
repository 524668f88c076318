package com.gitlab.support.handoff.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A process instance and the instances it called that still run (issue #13: a case's contact attempts,
 * questions and emails run in called processes). Steps that act on "the case's tasks" look in all of them;
 * {@code ${calledInstances.share(execution, 'name', value)}} (an execution listener) sets a variable that
 * queries read, such as a Tasklist filter's process variable, on the instance and on those it called.
 */
@Component("calledInstances")
public class CalledInstances {

  /** The id of this execution's process instance, then those of the running instances it called. */
  public static List<String> idsOf(DelegateExecution execution) {
    List<String> ids = new ArrayList<>();
    ids.add(execution.getProcessInstanceId());
    execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(execution.getProcessInstanceId()).list().stream()
        .map(ProcessInstance::getId).forEach(ids::add);
    return ids;
  }

  /**
   * Copies the variable of this process instance to the instance that called it, if any: what the caller's
   * own steps decide on (e.g. the case's time limits on {@code noTimeLimitReason}) stays current while the
   * called process runs.
   */
  public void tellCaller(DelegateExecution execution, String name) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    if (caller != null) {
      execution.getProcessEngineServices().getRuntimeService()
          .setVariable(caller.getProcessInstanceId(), name, execution.getProcessInstance().getVariable(name));
    }
  }

  /** Sets the variable on this process instance and on every running instance it called. */
  public void share(DelegateExecution execution, String name, Object value) {
    execution.getProcessInstance().setVariable(name, value);
    List<String> ids = idsOf(execution);
    for (String called : ids.subList(1, ids.size())) {
      execution.getProcessEngineServices().getRuntimeService().setVariable(called, name, value);
    }
  }
}
