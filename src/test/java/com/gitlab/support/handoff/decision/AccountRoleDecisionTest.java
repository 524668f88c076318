package com.gitlab.support.handoff.decision;

import static com.gitlab.support.handoff.decision.DecisionTableTester.allCombinations;
import static com.gitlab.support.handoff.decision.DecisionTableTester.decision;
import static com.gitlab.support.handoff.decision.DecisionTableTester.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.decision.DecisionTableTester.Decided;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC R4 (the decision part): which account-role workflow the Salesforce account owner calls for. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/accountRole.dmn")
class AccountRoleDecisionTest {

  ProcessEngine processEngine;
  DecisionTableTester accountRole;

  @BeforeEach
  void lookUpDecision() {
    accountRole = decision(processEngine, "accountRole");
  }

  private Decided decide(Boolean accountFound, String ownerName) {
    return accountRole.decide(inputs("accountFound", accountFound, "ownerName", ownerName));
  }

  @ParameterizedTest(name = "R4 account found, owner \"{0}\": {1}")
  @CsvSource({
      "Jane Owner, NAMED_ACCOUNT_OWNER, namedAccountOwner",
      "Max Manager, NAMED_ACCOUNT_OWNER, namedAccountOwner",
      "AMER SMB Sales User, SMB_SALES_USER, smbSalesUser",
      "EMEA SMB Sales User, SMB_SALES_USER, smbSalesUser",
      "APJ SMB Sales User, SMB_SALES_USER, smbSalesUser",
      "APAC SMB Sales User, SMB_SALES_USER, smbSalesUser",
      "AMER Sales User, SMB_SALES_USER, smbSalesUser",
      "SFDC Admin, OTHER_ACCOUNT_OWNER, otherAccountOwner",
      "'', OTHER_ACCOUNT_OWNER, otherAccountOwner"})
  @DisplayName("R4 the account owner decides the workflow")
  void ownerDecidesTheWorkflow(String ownerName, String role, String rule) {
    Decided decided = decide(true, ownerName);

    assertThat(decided.text("accountRole")).isEqualTo(role);
    assertThat(decided.ruleId()).isEqualTo(rule);
  }

  @Test
  @DisplayName("R4 an account without an owner goes to the Other Account Owner workflow")
  void noOwnerIsOther() {
    assertThat(decide(true, null).text("accountRole")).isEqualTo("OTHER_ACCOUNT_OWNER");
  }

  @ParameterizedTest(name = "R4 no account (accountFound {0}), owner \"{1}\": New Sales Quote, nothing passed")
  @CsvSource(value = {"false, NULL", "false, Jane Owner", "false, SFDC Admin", "NULL, NULL"}, nullValues = "NULL")
  @DisplayName("R4 no account in Salesforce: NOT_IN_SALESFORCE whatever the owner")
  void noAccountIsNotInSalesforce(Boolean accountFound, String ownerName) {
    Decided decided = decide(accountFound, ownerName);

    assertThat(decided.text("accountRole")).isEqualTo("NOT_IN_SALESFORCE");
    assertThat(decided.ruleId()).isEqualTo("notInSalesforce");
  }

  @Test
  @DisplayName("R4 every account-found and owner combination is decided by exactly one rule")
  void everyCombinationMatchesExactlyOneRule() {
    Map<String, List<?>> values = new LinkedHashMap<>();
    values.put("accountFound", Arrays.asList(true, false, null));
    values.put("ownerName", Arrays.asList(null, "", " ", "SFDC Admin", "AMER SMB Sales User", "EMEA SMB Sales User",
        "APJ SMB Sales User", "APAC SMB Sales User", "AMER Sales User", "EMEA Sales User", "APJ Sales User",
        "APAC Sales User", "Jane Owner", "sfdc admin"));
    List<VariableMap> combinations = allCombinations(values);

    assertThat(accountRole.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(accountRole.notDecidedByExactlyOneRule(combinations)).isEmpty();
  }
}
