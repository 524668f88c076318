package com.gitlab.support.handoff.smbcase;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a form: a text field the user left empty or cleared counts as unknown (null), so the
 * model's gateways ({@code ${leadId != null}}) and decisions never mistake "" for a value.
 */
@Component("blankIsUnknown")
public class BlankIsUnknown implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    for (Map.Entry<String, Object> variable : task.getVariables().entrySet()) {
      if (variable.getValue() instanceof String text && text.isBlank()) {
        task.setVariable(variable.getKey(), null);
      }
    }
  }
}
