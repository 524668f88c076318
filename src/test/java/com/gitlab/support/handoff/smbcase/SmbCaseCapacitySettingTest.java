package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** SPEC R21: the advocate capacity is a setting, {@code handoff.smb.advocate-capacity}; a task input overrides it. */
@TestPropertySource(properties = "handoff.smb.advocate-capacity=3")
class SmbCaseCapacitySettingTest extends SmbCaseTestCase {

  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void twoAdvocates() {
    ensureAdvocate("emma", EMEA_APJ);
    ensureAdvocate("eli", EMEA_APJ);
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
  }

  @Test
  @DisplayName("R21 with handoff.smb.advocate-capacity=3, an advocate with 3 cases In Progress is skipped")
  void r21_capacityFromTheSetting() {
    give("eli", 3);

    List<String> advocates = IntStream.range(0, 2)
        .mapToObj(i -> advocateOf(open(SmbCaseVariables.emailCase().in("EMEA_APJ")))).toList();

    assertThat(advocates).containsExactly("emma", "emma");
  }

  @Test
  @DisplayName("R21 an advocateCapacity input on the task wins over the setting")
  void r21_inputOverridesTheSetting() {
    give("eli", 3);

    List<String> advocates = IntStream.range(0, 2).mapToObj(i -> pickWithCapacity("10")).toList();

    assertThat(advocates).containsExactlyInAnyOrder("eli", "emma");
  }

  @Test
  @DisplayName("R21 a capacity that is not a whole number above 0 fails the step, naming the input")
  void r21_malformedCapacityIsAnIncident() {
    assertThatThrownBy(() -> pickWithCapacity("fifty"))
        .hasMessageContaining("Input advocateCapacity of 'Pick the next advocate' must be a whole number above 0")
        .hasMessageContaining("not 'fifty'");
    assertThatThrownBy(() -> pickWithCapacity("0")).hasMessageContaining("not '0'");
  }

  /** Runs pickNextAdvocate on its own, as a process owner's diagram with its own capacity input would. */
  private String pickWithCapacity(String capacity) {
    String key = "pickWithCapacity" + deployments.size();
    deployments.add(repositoryService().createDeployment()
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("pick").name("Pick the next advocate").camundaDelegateExpression("${pickNextAdvocate}")
            .camundaInputParameter("advocateGroup", EMEA_APJ)
            .camundaInputParameter("territory", "EMEA_APJ")
            .camundaInputParameter("advocateCapacity", capacity)
            .camundaOutputParameter("picked", "${advocate}")
            .userTask("done")
            .endEvent().done())
        .deploy().getId());
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(key);
    return (String) runtimeService().getVariable(instance.getId(), "picked");
  }
}
