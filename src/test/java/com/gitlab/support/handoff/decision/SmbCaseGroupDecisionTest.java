package com.gitlab.support.handoff.decision;

import static com.gitlab.support.handoff.decision.DecisionTableTester.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC R7, R21: the Tasklist group of an SMB case, row by row of {@code smbCaseGroup}, and as the
 * {@code caseGroup} output of {@code smbCaseRouting}, which requires it, whichever row routes the case.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/smbCaseRouting.dmn")
class SmbCaseGroupDecisionTest {

  ProcessEngine processEngine;

  @ParameterizedTest(name = "R21 territory {0}: row {1}, group {2}")
  @DisplayName("R21 each territory's cases belong to its advocates' group, unknown ones to SMB Ops")
  @CsvSource(nullValues = "NULL", value = {
      "AMER, amerAdvocates, smb-advocates-amer",
      "EMEA_APJ, emeaApjAdvocates, smb-advocates-emea-apj",
      "NULL, smbOpsGroup, smb-ops",
      "JAPAN, smbOpsGroup, smb-ops"})
  void r21_groupOfTheTerritory(String territory, String rule, String group) {
    var decided = DecisionTableTester.decision(processEngine, "smbCaseGroup").decide(inputs("territory", territory));
    assertThat(decided.ruleId()).isEqualTo(rule);
    assertThat(decided.get("caseGroup")).isEqualTo(group);
  }

  @ParameterizedTest(name = "R21 origin {0}, territory {1}: route {2}, group {3}")
  @DisplayName("R21 smbCaseRouting names the group beside the route, for every route")
  @CsvSource(nullValues = "NULL", value = {
      "RENEWAL, AMER, false, RENEWAL_MANAGER, smb-advocates-amer",
      "SUPPORT, EMEA_APJ, false, ROUND_ROBIN, smb-advocates-emea-apj",
      "SUPPORT, NULL, false, SMB_OPS_TRIAGE, smb-ops",
      "SUPPORT, AMER, true, DESIGNATED, smb-advocates-amer"})
  void r21_routingCarriesTheGroup(String origin, String territory, boolean chosen, String route, String group) {
    VariableMap variables = inputs("origin", origin, "subject", "Question", "chosenAdvocate", chosen ? "alex" : null,
        "highValueAccount", false, "hvaAdvocate", null, "territory", territory);
    var result = processEngine.getDecisionService().evaluateDecisionByKey("smbCaseRouting").variables(variables)
        .evaluate().getSingleResult();
    assertThat((Object) result.getEntry("route")).isEqualTo(route);
    assertThat((Object) result.getEntry("caseGroup")).isEqualTo(group);
  }
}
