package com.gitlab.support.handoff.texts;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task's name and description fit their Tasklist columns ({@code NAME_ VARCHAR(255)},
 * {@code DESCRIPTION_ VARCHAR(4000)}, in runtime and history), whatever the variables in their
 * expressions hold: "Work case SMB-1A2B3C4D: <a 255-character subject>" becomes a shortened name
 * instead of a failing job. Applies to every model at parse time, so no model has to remember it.
 */
@Component
public class TaskTextsPlugin extends AbstractProcessEnginePlugin {

  /** Characters of Camunda's task name column. */
  public static final int TASK_NAME_MAX = 255;

  /** Characters of Camunda's task description column. */
  public static final int TASK_DESCRIPTION_MAX = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new ShortenTaskTexts());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Wraps the name and description expressions of each user task as it is parsed. */
  static final class ShortenTaskTexts extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        TaskDefinition task = userTask.getTaskDefinition();
        if (task.getNameExpression() != null) {
          task.setNameExpression(new ShortenedText(task.getNameExpression(), TASK_NAME_MAX));
        }
        if (task.getDescriptionExpression() != null) {
          task.setDescriptionExpression(new ShortenedText(task.getDescriptionExpression(), TASK_DESCRIPTION_MAX));
        }
      }
    }
  }
}
