package com.gitlab.support.handoff.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The four decision tables as CONTRACT promises them to Modeler, Cockpit and REST clients: the keys and
 * variable names never change, each keeps its history 180 days and carries the DI and the Modeler's
 * execution platform.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/passToSales.dmn", "processes/accountRole.dmn", "processes/salesSegment.dmn",
    "processes/smbAccount.dmn"})
class DecisionModelsTest {

  static final Map<String, List<String>> INPUTS = Map.of(
      "passToSales", List.of("requestType", "tier", "nearExpiry", "newSubscription", "inRenewalPeriod"),
      "accountRole", List.of("accountFound", "ownerName"),
      "salesSegment", List.of("employees"),
      "smbAccount", List.of("carr", "employees", "billingCountry"));
  static final Map<String, List<String>> OUTPUTS = Map.of(
      "passToSales", List.of("outcome", "macro", "guidance"),
      "accountRole", List.of("accountRole"),
      "salesSegment", List.of("salesSegment"),
      "smbAccount", List.of("smbAccount", "smbTerritory"));

  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";

  ProcessEngine processEngine;

  @Test
  @DisplayName("R2 R4 R6 R7 the decisions read and write the variables CONTRACT names, in its order")
  void contractNames() {
    RepositoryService repository = processEngine.getRepositoryService();
    assertThat(repository.createDecisionDefinitionQuery().list()).extracting(DecisionDefinition::getKey)
        .containsExactlyInAnyOrderElementsOf(INPUTS.keySet());

    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      DecisionTable table = repository.getDmnModelInstance(definition.getId()).getModelElementById(definition.getKey())
          .getChildElementsByType(DecisionTable.class).iterator().next();
      List<String> inputExpressions = table.getInputs().stream()
          .map(Input::getInputExpression).map(expression -> expression.getText().getTextContent()).toList();
      List<String> outputNames = table.getOutputs().stream().map(Output::getName).toList();
      List<String> inputLabels = table.getInputs().stream().map(Input::getLabel).toList();

      List<String> expected = INPUTS.get(definition.getKey());
      assertThat(inputExpressions).as("inputs of %s", definition.getKey()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(inputExpressions.get(i)).as("input %d of %s", i + 1, definition.getKey())
            .matches("(.*\\()?" + expected.get(i) + "\\)?");
      }
      assertThat(inputLabels).as("readable input labels of %s", definition.getKey()).allSatisfy(label ->
          assertThat(label).isNotBlank().doesNotContain("_"));
      assertThat(outputNames).as("outputs of %s", definition.getKey())
          .containsExactlyElementsOf(OUTPUTS.get(definition.getKey()));
    }
  }

  @Test
  @DisplayName("R2 R4 R6 R7 every decision keeps its history 180 days and opens in Modeler and Cockpit")
  void historyAndDiagram() throws Exception {
    RepositoryService repository = processEngine.getRepositoryService();
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      assertThat(definition.getHistoryTimeToLive()).as("history time to live of %s", definition.getKey())
          .isEqualTo(180);

      Document xml = parse(repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName()));
      Element definitions = xml.getDocumentElement();
      assertThat(definitions.getNamespaceURI()).as("DMN 1.3").isEqualTo(DMN);
      assertThat(definitions.getAttributeNS(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
      assertThat(definitions.getAttributeNS(MODELER, "executionPlatformVersion")).isEqualTo("7.24.0");
      var shapes = xml.getElementsByTagNameNS(DMNDI, "DMNShape");
      assertThat(shapes.getLength()).as("DI shapes of %s", definition.getResourceName()).isEqualTo(1);
      assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef")).isEqualTo(definition.getKey());
      var rules = xml.getElementsByTagNameNS(DMN, "rule");
      for (int i = 0; i < rules.getLength(); i++) {
        Element rule = (Element) rules.item(i);
        assertThat(rule.getElementsByTagNameNS(DMN, "description").item(0).getTextContent())
            .as("annotation of rule %s", rule.getAttribute("id")).matches("R\\d+.{20,}");
      }
    }
  }

  private static Document parse(InputStream xml) throws Exception {
    try (xml) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(xml);
    }
  }
}
