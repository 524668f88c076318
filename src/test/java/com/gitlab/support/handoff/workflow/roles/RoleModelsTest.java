package com.gitlab.support.handoff.workflow.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every role workflow promises Tasklist, Modeler and the job executor, checked on the deployed models. */
class RoleModelsTest extends RoleWorkflowTestCase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"namedAccountOwnerHandoff", "smbSalesUserHandoff", "otherAccountOwnerHandoff",
      "awaitSalesConfirmation", "dailySalesReview"})
  @DisplayName("R8-R16 every user task has a Camunda Form Tasklist 7.24 renders, the ticket in its name, the engineers as candidates")
  void userTasksHaveFormsAndNames(String processKey) throws IOException {
    BpmnModelInstance model = model(processKey);
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
      JsonNode form = form(task.getCamundaFormRef());
      assertThat(form.get("id").asText()).as(task.getId()).isEqualTo(task.getCamundaFormRef());
      assertThat(form.get("schemaVersion").asInt()).as(task.getId()).isLessThanOrEqualTo(16);
      assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      // A business duration on the calendar of whoever must answer (issue 15), or a plain one on the default calendar.
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId())
          .matches("P.*|\\$\\{businessCalendars\\.(named\\(\\w+\\)|ofPerson\\(\\w+\\))\\.(fromNow\\('P[^']+'\\)|nextBusinessDayAt\\('[0-9:]+'\\))}");
      if (!processKey.equals("dailySalesReview")) {
        assertThat(task.getName()).as(task.getId()).contains("${ticketId}");
        assertThat(task.getCamundaAssignee()).as(task.getId()).isEqualTo("${engineer}");
        assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo("support-engineers");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"namedAccountOwnerHandoff", "smbSalesUserHandoff", "otherAccountOwnerHandoff",
      "awaitSalesConfirmation"})
  @DisplayName("R8-R15 every task that changes an outside system names the fix task a refusal opens in Tasklist "
      + "(docs/refusals.md): the ticket in its name, the engineer, the engineers as candidates")
  void sideEffectsNameTheirFixTask(String processKey) {
    int sideEffects = 0;
    for (ServiceTask task : model(processKey).getModelElementsByType(ServiceTask.class)) {
      if (SIDE_EFFECTS.contains(task.getCamundaDelegateExpression())) {
        assertThat(property(task, "refusalTaskName")).as(task.getId()).startsWith("Fix and retry ").contains("${ticketId}");
        assertThat(property(task, "refusalAssignee")).as(task.getId()).isEqualTo("${engineer}");
        assertThat(property(task, "refusalCandidateGroups")).as(task.getId()).isEqualTo("support-engineers");
        sideEffects++;
      }
    }
    assertThat(sideEffects).isPositive();
  }

  private static String property(ServiceTask task, String name) {
    return task.getExtensionElements() == null ? null : task.getExtensionElements()
        .getChildElementsByType(CamundaProperties.class).stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  /** The delegates that change an outside system; every other service task only reads. */
  static final Set<String> SIDE_EFFECTS = Set.of("${updateZendeskTicket}", "${postChatterMention}",
      "${postSlackMessage}", "${createSalesforceCase}", "${updateSalesforceCase}", "${convertLead}",
      "${updateOpportunity}");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"namedAccountOwnerHandoff", "smbSalesUserHandoff", "otherAccountOwnerHandoff",
      "awaitSalesConfirmation"})
  @DisplayName("R8-R15 every task that changes an outside system runs as its own job (asyncBefore), so it is retried "
      + "alone; a look-up that only reads may run in the job before it")
  void sideEffectsAreAsync(String processKey) {
    int sideEffects = 0;
    for (ServiceTask task : model(processKey).getModelElementsByType(ServiceTask.class)) {
      if (SIDE_EFFECTS.contains(task.getCamundaDelegateExpression())) {
        assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
        sideEffects++;
      }
    }
    assertThat(sideEffects).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"checkRecentActivity", "lookUpNextManager"})
  @DisplayName("R11 the escalation's two Salesforce look-ups run in the job of the timer that came due: "
      + "three jobs per rung of the ladder instead of five")
  void escalationLookUpsRunInTheTimersJob(String taskId) {
    ServiceTask task = model("awaitSalesConfirmation").getModelElementById(taskId);
    assertThat(task.isCamundaAsyncBefore()).isFalse();
    assertThat(SIDE_EFFECTS).doesNotContain(task.getCamundaDelegateExpression());
  }

  private static BpmnModelInstance model(String processKey) {
    ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    assertThat(definition.getHistoryTimeToLive()).isNotNull();
    return repositoryService().getBpmnModelInstance(definition.getId());
  }

  private static JsonNode form(String formId) throws IOException {
    try (InputStream in = RoleModelsTest.class.getResourceAsStream("/processes/" + formId + ".form")) {
      assertThat(in).as("processes/%s.form", formId).isNotNull();
      return JSON.readTree(in);
    }
  }

}
