package com.gitlab.support.handoff.texts;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A user task's Tasklist name may differ from its label in the diagram: the diagram says "Work the
 * case", Tasklist "Work case SMB-1A2B3C4D: Wire transfer". The step property {@value #TASKLIST_NAME}
 * (Modeler: Extensions, Properties; an expression on the task's variables) is the Tasklist name; a task
 * without it is named by its label, as before.
 *
 * <p>Every user task's name and description fit their Tasklist columns ({@code NAME_ VARCHAR(255)},
 * {@code DESCRIPTION_ VARCHAR(4000)}, in runtime and history), whatever the variables in their
 * expressions hold: "Work case SMB-1A2B3C4D: <a 255-character subject>" becomes a shortened name
 * instead of a failing job. Applies to every model at parse time, so no model has to remember it.
 */
@Component
public class TaskTextsPlugin extends AbstractProcessEnginePlugin {

  /** The step property a user task's Tasklist name comes from. */
  public static final String TASKLIST_NAME = "tasklistName";

  /** Characters of Camunda's task name column. */
  public static final int TASK_NAME_MAX = 255;

  /** Characters of Camunda's task description column. */
  public static final int TASK_DESCRIPTION_MAX = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new ShortenTaskTexts(configuration));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Names each user task from its {@value #TASKLIST_NAME} and wraps its name and description expressions, as it is parsed. */
  static final class ShortenTaskTexts extends AbstractBpmnParseListener {

    private final ProcessEngineConfigurationImpl configuration;

    ShortenTaskTexts(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        TaskDefinition task = userTask.getTaskDefinition();
        String tasklistName = property(userTaskElement, TASKLIST_NAME);
        if (tasklistName != null && !tasklistName.isBlank()) {
          task.setNameExpression(configuration.getExpressionManager().createExpression(tasklistName));
        }
        if (task.getNameExpression() != null) {
          task.setNameExpression(new ShortenedText(task.getNameExpression(), TASK_NAME_MAX));
        }
        if (task.getDescriptionExpression() != null) {
          task.setDescriptionExpression(new ShortenedText(task.getDescriptionExpression(), TASK_DESCRIPTION_MAX));
        }
      }
    }

    /** A {@code camunda:property} of the element, or null. */
    private static String property(Element element, String name) {
      Element extensions = element.element("extensionElements");
      Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (properties == null) {
        return null;
      }
      return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
          .filter(property -> name.equals(property.attribute("name")))
          .map(property -> property.attribute("value"))
          .findFirst().orElse(null);
    }
  }
}
