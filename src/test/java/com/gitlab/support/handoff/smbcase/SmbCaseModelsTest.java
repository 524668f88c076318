package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gitlab.support.handoff.texts.TaskTextsPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What smbCase promises Tasklist, Modeler, Cockpit and the job executor, checked on the deployed models. */
class SmbCaseModelsTest extends SmbCaseTestCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Components form-js 1.8 (Tasklist 7.24) renders that these forms use. */
  private static final Set<String> RENDERABLE = Set.of("text", "textfield", "textarea", "select", "checkbox", "datetime");
  /** Delegates that stay inside the engine (no outside system), so they need no job of their own. */
  private static final Set<String> LOCAL_DELEGATES = Set.of("${remindCaseOwner}", "${markTasksAtRisk}");

  static final List<String> R23_STATUSES = List.of("Open", "In Progress: Attempting Contact", "In Progress: Blocked",
      "In Progress: Engaged", "Closed: Duplicate", "Closed: Unresponsive", "Closed: Resolved");
  static final List<String> R28_RESOLUTION_ACTIONS = List.of("Answered Question", "Recommended Resource",
      "Transferred To Support", "Growth Conversation", "Directed to Online Purchase", "Completed Sales Assisted Order",
      "Request Not Possible", "No Action Required", "Failed to Engage");

  @ParameterizedTest(name = "R20-R38 every user task of {0} has a Camunda Form Tasklist 7.24 renders")
  @ValueSource(strings = {"smbCase", "routeSmbCase", "closeSmbCase", "smbCaseSalesforceSync", "attemptSmbCaseContact",
      "answerSmbCaseQuestion", "readSmbCaseEmail"})
  void userTasksHaveRenderableForms(String processKey) throws IOException {
    BpmnModelInstance model = model(processKey);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
      assertRenderable(task.getId(), form(task.getCamundaFormRef()), task.getCamundaFormRef());
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "#13 R20-R38 the user tasks of {0} have plain labels in the diagram; Tasklist names them with the case key")
  @ValueSource(strings = {"smbCase", "routeSmbCase", "closeSmbCase", "smbCaseSalesforceSync", "attemptSmbCaseContact",
      "answerSmbCaseQuestion", "readSmbCaseEmail"})
  void plainLabelsTasklistNamesWithTheCaseKey(String processKey) {
    for (UserTask task : model(processKey).getModelElementsByType(UserTask.class)) {
      assertThat(task.getName()).as("label of %s", task.getId()).doesNotContain("${");
      assertThat(property(task, TaskTextsPlugin.TASKLIST_NAME)).as("Tasklist name of %s", task.getId()).contains("${caseKey}");
    }
  }

  @Test
  @DisplayName("#13 R2 R3 salesHandoff's tasks read plainly in the diagram and keep the ticket id in Tasklist")
  void salesHandoffLabels() {
    for (UserTask task : model("salesHandoff").getModelElementsByType(UserTask.class)) {
      assertThat(task.getName()).as("label of %s", task.getId()).doesNotContain("${");
    }
    UserTask clarify = model("salesHandoff").getModelElementById("clarifyRequest");
    assertThat(clarify.getName()).isEqualTo("Clarify the customer's needs");
    assertThat(property(clarify, TaskTextsPlugin.TASKLIST_NAME)).isEqualTo("Clarify the customer's needs on ticket ${ticketId}");
  }

  @ParameterizedTest(name = "#13 every side effect of {0} names the task its refusal opens (docs/refusals.md), and no step catches refusals itself")
  @ValueSource(strings = {"smbCase", "routeSmbCase", "closeSmbCase", "smbCaseSalesforceSync", "answerSmbCaseQuestion"})
  void refusalsAreHandledInOnePlace(String processKey) {
    BpmnModelInstance model = model(processKey);
    int sideEffects = 0;
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (SIDE_EFFECTS.contains(task.getCamundaDelegateExpression())) {
        assertThat(property(task, "refusalTaskName")).as(task.getId()).contains("${caseKey}");
        assertThat(property(task, "refusalCandidateGroups")).as(task.getId()).isNotBlank();
        sideEffects++;
      }
    }
    assertThat(sideEffects).isPositive();
    assertThat(model.getModelElementsByType(ErrorEventDefinition.class)).as("error boundaries in %s", processKey).isEmpty();
  }

  /** Delegates that change Salesforce or Zendesk (the rest only read, or stay inside the engine). */
  private static final Set<String> SIDE_EFFECTS = Set.of("${updateZendeskTicket}", "${postChatterMention}",
      "${createSalesforceCase}", "${updateSalesforceCase}", "${convertLead}", "${updateOpportunity}");

  private static String property(BaseElement element, String name) {
    return element.getExtensionElements() == null ? null : element.getExtensionElements()
        .getChildElementsByType(CamundaProperties.class).stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  @Test
  @DisplayName("R20 the start event opens 'Open an SMB Sales Case' in Tasklist")
  void startFormOpensACase() throws IOException {
    StartEvent start = model("smbCase").getModelElementById("caseOpened");
    assertThat(start.getCamundaFormRef()).isEqualTo("openSmbCase");
    assertThat(start.getCamundaFormRefBinding()).isEqualTo("latest");
    JsonNode form = form("openSmbCase");
    assertRenderable("caseOpened", form, "openSmbCase");
    assertThat(options(form, "origin")).containsExactly("SUPPORT", "EMAIL", "SDR", "PARTNER", "REFERRAL", "AR", "RENEWAL");
  }

  @ParameterizedTest(name = "R20-R38 every task of {0} that calls an outside system runs as its own job (asyncBefore)")
  @ValueSource(strings = {"smbCase", "routeSmbCase", "closeSmbCase", "smbCaseSalesforceSync", "attemptSmbCaseContact",
      "answerSmbCaseQuestion", "readSmbCaseEmail"})
  void remoteCallsAreAsync(String processKey) {
    for (ServiceTask task : model(processKey).getModelElementsByType(ServiceTask.class)) {
      if (!LOCAL_DELEGATES.contains(task.getCamundaDelegateExpression())) {
        assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
      }
    }
  }

  @Test
  @DisplayName("R23 the Status dropdown offers exactly the seven statuses")
  void statusDropdown() throws IOException {
    assertThat(options(form("workCase"), "caseStatus")).containsExactlyElementsOf(R23_STATUSES);
  }

  @Test
  @DisplayName("R28 the Resolution Action dropdown offers exactly the dictionary")
  void resolutionActionDropdown() throws IOException {
    assertThat(options(form("workCase"), "resolutionAction")).containsExactlyElementsOf(R28_RESOLUTION_ACTIONS);
  }

  @Test
  @DisplayName("R25 the form checks Next Steps with the same pattern as the rules table")
  void nextStepsPattern() throws IOException {
    String pattern = component(form("workCase"), "nextSteps").get("validate").get("pattern").asText();
    Pattern nextSteps = Pattern.compile(pattern);

    assertThat(nextSteps.matcher("2024-07-05 KK First touch email to discuss promo").matches()).isTrue();
    assertThat(nextSteps.matcher("2024-07-12 MSA Send quote to customer").matches()).isTrue();
    assertThat(nextSteps.matcher("Contact").matches()).isFalse();
    assertThat(nextSteps.matcher("Waiting on billing").matches()).isFalse();
    assertThat(nextSteps.matcher("2024-07-05 KK").matches()).isFalse();
    DmnModelInstance rules = decisionModel("smbCaseUpdateRules");
    assertThat(rules.getModelElementsByType(Input.class)).extracting(input -> input.getInputExpression().getText().getTextContent())
        .anySatisfy(expression -> assertThat(expression).contains("\"" + pattern + "\""));
  }

  @ParameterizedTest(name = "R30 {0} keeps its history 400 days and opens in Modeler and Cockpit")
  @ValueSource(strings = {"smbCase", "routeSmbCase", "closeSmbCase", "smbCaseSalesforceSync", "attemptSmbCaseContact",
      "answerSmbCaseQuestion", "readSmbCaseEmail"})
  void historyAndDiagram(String processKey) {
    ProcessDefinition definition = definition(processKey);
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(400);
    BpmnModelInstance model = model(processKey);
    List<String> drawn = new ArrayList<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
    assertThat(drawn).containsAll(model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId).toList());
    assertThat(drawn).containsAll(model.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId).toList());
    assertThat(model.getDefinitions().getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("7.24.0");
  }

  @ParameterizedTest(name = "R20 R21 R23 decision {0} keeps its history 400 days and carries its rule ids")
  @ValueSource(strings = {"smbCaseOrigin", "smbCaseRouting", "smbCaseUpdateRules"})
  void decisionsAreDocumented(String decisionKey) {
    DecisionDefinition definition = repositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .latestVersion().singleResult();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(400);
    assertThat(decisionModel(decisionKey).getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("R\\d\\d.{20,}"));
  }

  @ParameterizedTest(name = "R20-R38 smbCase calls {0} with its business key, and Tasklist cannot start it alone")
  @ValueSource(strings = {"routeSmbCase", "closeSmbCase", "smbCaseSalesforceSync", "attemptSmbCaseContact",
      "answerSmbCaseQuestion", "readSmbCaseEmail"})
  void calledProcessesShareTheBusinessKey(String processKey) {
    List<CallActivity> calls = model("smbCase").getModelElementsByType(CallActivity.class).stream()
        .filter(call -> processKey.equals(call.getCalledElement())).toList();
    assertThat(calls).isNotEmpty().allSatisfy(call -> {
      List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
      assertThat(ins).as(call.getId()).anySatisfy(in ->
          assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}"));
      if (!ALL_VARIABLES_IN.contains(processKey)) {
        assertThat(ins).as("%s passes named variables, not all", call.getId())
            .noneSatisfy(in -> assertThat(in.getCamundaVariables()).isEqualTo("all"));
      }
      assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list())
          .as("%s takes back named variables, not all", call.getId())
          .noneSatisfy(out -> assertThat(out.getCamundaVariables()).isEqualTo("all"));
    });
    assertThat(definition(processKey).isStartableInTasklist()).isFalse();
  }

  /** The contact attempts' form and update rules read most of the case: they get all its variables, and give back named ones. */
  private static final Set<String> ALL_VARIABLES_IN = Set.of("attemptSmbCaseContact");

  /**
   * Issue #13: a diagram is read on a laptop screen, so each process has at most {@link Limit#DIAGRAM} flow
   * nodes (nested ones included) and its drawing fits in that many pixels. Diagrams that were larger before
   * #13 keep a ceiling of their own at their measured size, so they cannot grow unnoticed.
   */
  record Limit(int flowNodes, int width, int height) {
    static final Limit DIAGRAM = new Limit(60, 2600, 1200);
    static final Map<String, Limit> OVER = Map.of(
        "smbCase.bpmn", new Limit(65, 2310, 1000));
  }

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "#13 {0} is readable on a laptop screen: few flow nodes per process, a small canvas")
  @MethodSource("diagrams")
  void smbCaseDiagramsAreReadable(Path file) {
    Limit limit = Limit.OVER.getOrDefault(file.getFileName().toString(), Limit.DIAGRAM);
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(flowNodes(process.getFlowElements())).as("flow nodes of %s", process.getId())
          .isLessThanOrEqualTo(limit.flowNodes());
    }
    List<double[]> points = new ArrayList<>();
    for (Bounds bounds : model.getModelElementsByType(Bounds.class)) {
      points.add(new double[] {bounds.getX(), bounds.getY()});
      points.add(new double[] {bounds.getX() + bounds.getWidth(), bounds.getY() + bounds.getHeight()});
    }
    model.getModelElementsByType(Waypoint.class).forEach(point -> points.add(new double[] {point.getX(), point.getY()}));
    DoubleSummaryStatistics x = points.stream().mapToDouble(point -> point[0]).summaryStatistics();
    DoubleSummaryStatistics y = points.stream().mapToDouble(point -> point[1]).summaryStatistics();
    assertThat(x.getMax() - x.getMin()).as("width of %s", file).isLessThanOrEqualTo(limit.width());
    assertThat(y.getMax() - y.getMin()).as("height of %s", file).isLessThanOrEqualTo(limit.height());
  }

  private static int flowNodes(Collection<FlowElement> elements) {
    int count = 0;
    for (FlowElement element : elements) {
      if (element instanceof FlowNode) {
        count++;
      }
      if (element instanceof SubProcess subProcess) {
        count += flowNodes(subProcess.getFlowElements());
      }
    }
    return count;
  }

  private static void assertRenderable(String owner, JsonNode form, String formId) {
    assertThat(form.get("id").asText()).as(owner).isEqualTo(formId);
    assertThat(form.get("schemaVersion").asInt()).as(owner).isLessThanOrEqualTo(16);
    assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.get("components")).allSatisfy(component ->
        assertThat(component.get("type").asText()).as("%s in %s", component.get("id"), formId).isIn(RENDERABLE));
  }

  private static List<String> options(JsonNode form, String key) {
    return StreamSupport.stream(component(form, key).get("values").spliterator(), false)
        .map(value -> value.get("value").asText()).toList();
  }

  private static JsonNode component(JsonNode form, String key) {
    return StreamSupport.stream(form.get("components").spliterator(), false)
        .filter(component -> key.equals(component.path("key").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("form " + form.get("id") + " has no field " + key));
  }

  private static JsonNode form(String formId) throws IOException {
    try (InputStream in = SmbCaseModelsTest.class.getResourceAsStream("/processes/" + formId + ".form")) {
      assertThat(in).as("processes/%s.form", formId).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static ProcessDefinition definition(String processKey) {
    return repositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
  }

  private static BpmnModelInstance model(String processKey) {
    return repositoryService().getBpmnModelInstance(definition(processKey).getId());
  }

  private static DmnModelInstance decisionModel(String decisionKey) {
    return repositoryService().getDmnModelInstance(repositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult().getId());
  }

}
