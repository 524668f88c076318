package com.gitlab.support.handoff.metrics;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.SystemClientObservationConvention;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Which outside system an incident is about. First its message: a failed call's incident carries our
 * {@code ConnectorException}'s message, which begins with the system's name ("Salesforce: HTTP 503 …",
 * "Zendesk: no answer (connect timed out)"). Otherwise (an attempt still in flight, a failure of our
 * own code in a delegate that calls a system) the failed activity's delegate: the step that posts on
 * Slack is about Slack. Anything else is {@code other}.
 */
final class IncidentSystems {

  static final String OTHER = "other";

  /** The delegates that talk to exactly one system, by bean name. */
  private static final Map<String, ExternalSystem> DELEGATES = Map.ofEntries(
      Map.entry("postChatterMention", ExternalSystem.SALESFORCE),
      Map.entry("checkRecentActivity", ExternalSystem.SALESFORCE),
      Map.entry("createSalesforceCase", ExternalSystem.SALESFORCE),
      Map.entry("updateSalesforceCase", ExternalSystem.SALESFORCE),
      Map.entry("lookUpAccount", ExternalSystem.SALESFORCE),
      Map.entry("lookUpManager", ExternalSystem.SALESFORCE),
      Map.entry("lookUpLatestOpportunityOwner", ExternalSystem.SALESFORCE),
      Map.entry("lookUpRenewalOwner", ExternalSystem.SALESFORCE),
      Map.entry("lookUpTerritoryOwner", ExternalSystem.SALESFORCE),
      Map.entry("lookUpSmbAsm", ExternalSystem.SALESFORCE),
      Map.entry("convertLead", ExternalSystem.SALESFORCE),
      Map.entry("updateOpportunity", ExternalSystem.SALESFORCE),
      Map.entry("updateZendeskTicket", ExternalSystem.ZENDESK),
      Map.entry("postSlackMessage", ExternalSystem.SLACK));

  private final RepositoryService repository;
  /** Process definition id + activity id → tag; definitions never change once deployed. */
  private final Map<String, String> byActivity = new ConcurrentHashMap<>();

  IncidentSystems(RepositoryService repository) {
    this.repository = repository;
  }

  /** {@code salesforce}, {@code zendesk}, {@code slack} or {@code other}. */
  String of(String message, String processDefinitionId, String activityId) {
    Optional<ExternalSystem> named = byMessage(message);
    if (named.isPresent()) {
      return SystemClientObservationConvention.tagValue(named.get());
    }
    if (processDefinitionId == null || activityId == null) {
      return OTHER;
    }
    return byActivity.computeIfAbsent(processDefinitionId + "#" + activityId,
        key -> byDelegate(processDefinitionId, activityId));
  }

  static Optional<ExternalSystem> byMessage(String message) {
    if (message == null) {
      return Optional.empty();
    }
    for (ExternalSystem system : ExternalSystem.values()) {
      if (message.startsWith(system.displayName() + ":")) {
        return Optional.of(system);
      }
    }
    return Optional.empty();
  }

  private String byDelegate(String processDefinitionId, String activityId) {
    try {
      BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
      ModelElementInstance element = model == null ? null : model.getModelElementById(activityId);
      if (element instanceof ServiceTask task && task.getCamundaDelegateExpression() != null) {
        String bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{\\s*|\\s*}$", "");
        ExternalSystem system = DELEGATES.get(bean);
        if (system != null) {
          return SystemClientObservationConvention.tagValue(system);
        }
      }
      return OTHER;
    } catch (RuntimeException definitionGone) {
      return OTHER;
    }
  }
}
