package com.gitlab.support.handoff.variables;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pins the engine behaviour {@link LongStringsPlugin} relies on (Camunda's {@code impl} serializer API):
 * the engine asks our serializer first, only strings over 4,000 characters go to the byte array, and
 * they come back as String values in runtime, expressions and history. On H2 and, in CI, PostgreSQL.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongStringSerializerTest {

  private static final String PROCESS = "longStringProbe";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  /** A wait state, and an input mapping that builds a longer text from the variable, as the role models do. */
  @BeforeAll
  void deployProbe(@Autowired RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("wait").name("Wait")
        .camundaInputParameter("quoted", "The customer asked: \"${text}\" (${text.length()} characters)")
        .endEvent()
        .done();
    repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
  }

  @Test
  @DisplayName("A string of exactly 4,000 characters stays in Camunda's text column")
  void atTheColumnLimitCamundaKeepsIt() {
    ProcessInstance instance = start("x".repeat(4000));

    VariableInstanceEntity variable = variable(instance, "text");
    assertThat(variable.getSerializerName()).isEqualTo("string");
    assertThat(variable.getTextValue()).hasSize(4000);
  }

  @Test
  @DisplayName("A string of 4,001 characters goes to the byte array and reads back whole, as a String")
  void pastTheColumnLimitTheByteArrayHoldsIt() {
    String text = "ü".repeat(32_000);

    ProcessInstance instance = start(text);

    VariableInstanceEntity variable = variable(instance, "text");
    assertThat(variable.getSerializerName()).isEqualTo(LongStringSerializer.NAME);
    assertThat(variable.getTextValue()).isNull();
    assertThat(variable.getTypedValue().getType()).isEqualTo(ValueType.STRING);
    assertThat(runtime.getVariable(instance.getId(), "text")).isEqualTo(text);
    assertThat(start("y".repeat(4001)).getId()).satisfies(id ->
        assertThat(variable(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult(), "text")
            .getSerializerName()).isEqualTo(LongStringSerializer.NAME));
  }

  @Test
  @DisplayName("Expressions see the whole String, and what they build from it is stored the same way")
  void expressionsSeeTheString() {
    String text = "wire transfer ".repeat(300);

    ProcessInstance instance = start(text);

    String activityExecution = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getExecutionId();
    String quoted = (String) runtime.getVariableLocal(activityExecution, "quoted");
    assertThat(quoted).as("built by the input mapping, %d characters", quoted.length())
        .isEqualTo("The customer asked: \"" + text + "\" (" + text.length() + " characters)");
  }

  @Test
  @DisplayName("A typed String value takes the same way; history keeps the long value as a String")
  void typedValuesAndHistory() {
    String text = "z".repeat(10_000);
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS,
        Variables.createVariables().putValueTyped("text", Variables.stringValue(text)));

    HistoricVariableInstanceEntity historic = (HistoricVariableInstanceEntity) history
        .createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("text").singleResult();
    assertThat(historic.getSerializerName()).isEqualTo(LongStringSerializer.NAME);
    assertThat(historic.getTypedValue().getType()).isEqualTo(ValueType.STRING);
    assertThat(historic.getValue()).isEqualTo(text);
  }

  @Test
  @DisplayName("A variable that shrinks under the limit goes back to the text column, and grows back to the byte array")
  void changesBetweenTheTwo() {
    ProcessInstance instance = start("a".repeat(5000));

    runtime.setVariable(instance.getId(), "text", "short now");
    assertThat(variable(instance, "text").getSerializerName()).isEqualTo("string");
    assertThat(variable(instance, "text").getByteArrayValueId()).isNull();
    assertThat(runtime.getVariable(instance.getId(), "text")).isEqualTo("short now");

    runtime.setVariable(instance.getId(), "text", "b".repeat(6000));
    assertThat(runtime.getVariable(instance.getId(), "text")).isEqualTo("b".repeat(6000));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("text")
        .singleResult().getValue()).isEqualTo("b".repeat(6000));
  }

  private ProcessInstance start(String text) {
    return runtime.startProcessInstanceByKey(PROCESS, Variables.createVariables().putValue("text", text));
  }

  private VariableInstanceEntity variable(ProcessInstance instance, String name) {
    VariableInstance variable = runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableName(name).disableCustomObjectDeserialization().singleResult();
    return (VariableInstanceEntity) variable;
  }
}
