package com.gitlab.support.handoff.refusals;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and ends the {@value #PROCESS} instances, one per refusal incident. Runs inside the engine's
 * command that opens or deletes the incident, so it uses the engine's context rather than Spring beans
 * (the incident handler exists before the engine does).
 *
 * <p>The resolution's user task is named and assigned by the failed step itself, with these extension
 * properties on the service task (expressions, evaluated on the failed step's execution):
 * {@value #TASK_NAME}, {@value #ASSIGNEE} (default: none) and {@value #CANDIDATE_GROUPS} (default:
 * {@value #DEFAULT_GROUPS}). A step without {@value #TASK_NAME} names no one to ask: its refusal stays
 * a Cockpit incident for the operators, as a refusal nobody modelled always was. {@value HandResults#PROPERTY}
 * names what "done by hand" must ask for ({@link HandResults}).
 */
final class RefusalResolutions {

  static final String PROCESS = "resolveRefusal";
  static final String TASK_NAME = "refusalTaskName";
  static final String ASSIGNEE = "refusalAssignee";
  static final String CANDIDATE_GROUPS = "refusalCandidateGroups";
  static final String DEFAULT_GROUPS = "support-engineers";

  /** Variables of the failed step the fixAndRetry form shows, copied when the step has them. */
  static final List<String> CONTEXT = List.of("ticketId", "ticketUrl", "requesterEmail", "accountName", "summary",
      "requestType", "caseKey", "engineer");

  private static final Logger LOG = LoggerFactory.getLogger(RefusalResolutions.class);

  private RefusalResolutions() {}

  /** Starts the resolution of the refusal this incident stands for. */
  static void start(IncidentEntity incident, Refusal refusal) {
    ExecutionEntity failed = Context.getCommandContext().getExecutionManager().findExecutionById(incident.getExecutionId());
    if (failed == null) {
      LOG.warn("Refusal incident {} has no execution; nothing to resolve", incident.getId());
      return;
    }
    FlowElement step = stepOf(incident);
    String stepName = step == null || step.getName() == null ? incident.getActivityId() : step.getName();
    String taskName = evaluated(step, TASK_NAME, failed, null);
    if (taskName == null) {
      LOG.info("{} refused step {} of instance {}, which names no fix task ({}): the incident is for Cockpit",
          refusal.system(), incident.getActivityId(), incident.getProcessInstanceId(), TASK_NAME);
      return;
    }
    VariableMap variables = Variables.createVariables();
    for (String name : CONTEXT) {
      Object value = failed.getVariable(name);
      if (value != null) {
        variables.putValue(name, value);
      }
    }
    variables
        .putValue("failedProcessInstanceId", incident.getProcessInstanceId())
        .putValue("failedExecutionId", incident.getExecutionId())
        .putValue("failedActivityId", incident.getActivityId())
        .putValue("failedActivityName", stepName)
        .putValue("failedJobId", incident.getConfiguration())
        .putValue("incidentId", incident.getId())
        .putValue("refusingSystem", refusal.system())
        .putValue("connectorError", refusal.reason())
        .putValue("fixOutcome", "RETRY")
        .putValue("fixTaskName", taskName)
        .putValue("fixAssignee", evaluated(step, ASSIGNEE, failed, null))
        .putValue("fixCandidateGroups", evaluated(step, CANDIDATE_GROUPS, failed, DEFAULT_GROUPS));
    handResultsOf(step).describeIn(variables);
    ProcessInstance resolution = runtime().createProcessInstanceByKey(PROCESS)
        .businessKey(failed.getProcessBusinessKey())
        .setVariables(variables)
        .execute();
    LOG.info("{} refused step {} of instance {}: resolution {} opened", refusal.system(), incident.getActivityId(),
        incident.getProcessInstanceId(), resolution.getId());
  }

  /** The incident went another way (retried in Cockpit, its instance cancelled or ended): its resolution has nothing left to do. */
  static void endFor(String incidentId) {
    if (RefusalsInFlight.isBeingResolved(incidentId)) {
      return;
    }
    for (ProcessInstance resolution : runtime().createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals("incidentId", incidentId).list()) {
      runtime().deleteProcessInstance(resolution.getId(), "The refusal's incident was resolved or its process instance ended", true, true);
      LOG.info("Resolution {} ended: incident {} was resolved elsewhere or its instance ended", resolution.getId(), incidentId);
    }
  }

  /** What the step names for "done by hand" to ask; a malformed property asks nothing and says so in the log. */
  private static HandResults handResultsOf(BaseElement step) {
    try {
      return HandResults.parse(propertyOf(step, HandResults.PROPERTY));
    } catch (IllegalArgumentException e) {
      LOG.warn("Step {}: {}; done by hand asks for no results", step.getId(), e.getMessage());
      return HandResults.parse(null);
    }
  }

  private static FlowElement stepOf(IncidentEntity incident) {
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(incident.getProcessDefinitionId());
    return model == null || incident.getActivityId() == null ? null : model.getModelElementById(incident.getActivityId());
  }

  /** A property of the step, evaluated on its execution; the default when unset, blank or failing. */
  private static String evaluated(BaseElement step, String property, VariableScope scope, String otherwise) {
    String text = propertyOf(step, property);
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      Object value = Context.getProcessEngineConfiguration().getExpressionManager().createExpression(text).getValue(scope);
      return value == null || value.toString().isBlank() ? otherwise : value.toString();
    } catch (RuntimeException e) {
      LOG.warn("Property {} of step {} ('{}') did not evaluate: {}; using '{}'", property, step.getId(), text,
          e.getMessage(), otherwise);
      return otherwise;
    }
  }

  private static String propertyOf(BaseElement step, String name) {
    ExtensionElements extensions = step == null ? null : step.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getChildElementsByType(CamundaProperties.class).stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> Objects.equals(name, property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  private static RuntimeService runtime() {
    return Context.getProcessEngineConfiguration().getRuntimeService();
  }
}
