package com.gitlab.support.handoff.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.calendar.DeployedHolidays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The application's history level ({@link AuditAndDecisions}): what Cockpit's History page reads of a
 * handoff's decisions is recorded, at the level's usual id, and the calendar's holiday reads are not.
 */
class DecisionHistoryTest extends ProcessTestCase {

  @Test
  @DisplayName("R2 the passToSales decision of a handoff stays in history with its inputs and its outcome")
  void r2_passToSalesDecisionIsRecordedWithInputsAndOutputs() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("salesHandoff", Variables.createVariables()
        .putValue("ticketId", "8801").putValue("summary", "Wants Ultimate").putValue("engineer", "sam")
        .putValue("requesterEmail", "jane@acme.com").putValue("requestType", "PLAN_UPGRADE"));
    runAsyncSteps(pi);

    List<HistoricDecisionInstance> decisions = processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .processInstanceId(pi.getId()).includeInputs().includeOutputs().list();

    assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey).contains("passToSales")
        .doesNotContain(DeployedHolidays.DECISION_KEY);
    HistoricDecisionInstance passToSales = decisions.stream()
        .filter(decision -> decision.getDecisionDefinitionKey().equals("passToSales")).findFirst().orElseThrow();
    assertThat(passToSales.getActivityId()).isEqualTo("decidePassToSales");
    assertThat(passToSales.getInputs()).extracting(HistoricDecisionInputInstance::getValue).contains("PLAN_UPGRADE");
    Map<String, Object> outputs = passToSales.getOutputs().stream()
        .filter(output -> output.getValue() != null)
        .collect(Collectors.toMap(HistoricDecisionOutputInstance::getVariableName, HistoricDecisionOutputInstance::getValue,
            (first, second) -> first));
    assertThat(outputs).containsEntry("outcome", "DONT_PASS");
  }

  @Test
  @DisplayName("the level keeps audit's id and name, so a database made at audit starts unchanged")
  void levelIsAuditWithItsId() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isSameAs(AuditAndDecisions.INSTANCE);
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(2);
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo("audit");
  }
}
