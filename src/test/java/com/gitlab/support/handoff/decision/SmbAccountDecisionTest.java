package com.gitlab.support.handoff.decision;

import static com.gitlab.support.handoff.decision.DecisionTableTester.allCombinations;
import static com.gitlab.support.handoff.decision.DecisionTableTester.decision;
import static com.gitlab.support.handoff.decision.DecisionTableTester.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.decision.DecisionTableTester.Decided;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/** SPEC R7: an SMB account (< $30k cARR, < 101 employees, not Japan) and its SMB territory. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/smbAccount.dmn")
class SmbAccountDecisionTest {

  ProcessEngine processEngine;
  DecisionTableTester smbAccount;

  @BeforeEach
  void lookUpDecision() {
    smbAccount = decision(processEngine, "smbAccount");
  }

  private Decided decide(Number carr, Integer employees, String billingCountry) {
    return smbAccount.decide(inputs("carr", carr, "employees", employees, "billingCountry", billingCountry));
  }

  private void assertSmb(Decided decided, boolean smb, String territory) {
    assertThat(decided.get("smbAccount")).as("smbAccount").isEqualTo(smb);
    assertThat(decided.get("smbTerritory")).as("smbTerritory").isEqualTo(territory);
  }

  @ParameterizedTest(name = "R7 cARR {0} USD: SMB {1}")
  @CsvSource({"0, true", "29999.99, true", "30000, false", "30000.01, false", "1000000, false"})
  @DisplayName("R7 SMB needs less than $30k cARR")
  void carrBelow30k(double carr, boolean smb) {
    assertThat(decide(carr, 50, "US").get("smbAccount")).isEqualTo(smb);
  }

  @Test
  @DisplayName("R7 cARR that arrives as a whole number is compared the same")
  void carrAsInteger() {
    assertSmb(decide(29999, 50, "US"), true, "AMER");
    assertSmb(decide(30000, 50, "US"), false, null);
    assertSmb(decide(30000L, 50, "US"), false, null);
  }

  @ParameterizedTest(name = "R7 {0} employees: SMB {1}")
  @CsvSource({"0, true", "100, true", "101, false", "5000, false"})
  @DisplayName("R7 SMB needs fewer than 101 employees")
  void employeesBelow101(int employees, boolean smb) {
    assertThat(decide(10000, employees, "DE").get("smbAccount")).isEqualTo(smb);
  }

  @Test
  @DisplayName("R7 Japan is excluded from SMB")
  void japanIsNotSmb() {
    Decided decided = decide(10000, 20, "JP");

    assertSmb(decided, false, null);
    assertThat(decided.ruleId()).isEqualTo("japan");
  }

  @ParameterizedTest(name = "R7 {0} is in AMER")
  @CsvSource({"US", "BR", "CA", "MX", "PA", "JM", "PR", "AR", "CL", "GL"})
  @DisplayName("R7 SMB accounts in the Americas and the Caribbean are AMER")
  void americasAreAmer(String country) {
    assertSmb(decide(10000, 20, country), true, "AMER");
  }

  @ParameterizedTest(name = "R7 {0} is in EMEA+APJ")
  @CsvSource({"DE", "GB", "ZA", "AU", "IN", "SG", "KR", "CN", "NZ", "AE"})
  @DisplayName("R7 SMB accounts in EMEA and APJ share one territory")
  void emeaAndApjAreOneTerritory(String country) {
    assertSmb(decide(10000, 20, country), true, "EMEA_APJ");
  }

  @ParameterizedTest(name = "R7 billing country \"{0}\": SMB without a territory")
  @CsvSource(value = {"NULL", "''"}, nullValues = "NULL")
  @DisplayName("R7 SMB figures without a billing country: SMB, territory unknown (SMB Ops triage)")
  void noCountryIsSmbWithoutTerritory(String country) {
    Decided decided = decide(10000, 20, country);

    assertSmb(decided, true, null);
    assertThat(decided.ruleId()).isEqualTo("territoryUnknown");
  }

  @Test
  @DisplayName("R7 not SMB means no SMB territory")
  void notSmbHasNoTerritory() {
    assertSmb(decide(30000, 20, "US"), false, null);
    assertSmb(decide(10000, 101, "DE"), false, null);
    assertSmb(decide(30000, 101, null), false, null);
  }

  @Test
  @DisplayName("R7/R5 unknown cARR counts as none and unknown employees as likely Small")
  void unknownFiguresCountAsSmall() {
    assertSmb(decide(null, null, "CA"), true, "AMER");
    assertSmb(decide(null, 101, "CA"), false, null);
    assertSmb(decide(30000, null, "CA"), false, null);
  }

  @Test
  @DisplayName("R7 a lower-case country code is read as the ISO code")
  void lowerCaseCountry() {
    assertSmb(decide(10000, 20, "br"), true, "AMER");
  }

  @Test
  @DisplayName("R7 every ISO 3166 country, none, and SMB or not figures are decided by exactly one rule")
  void everyCombinationMatchesExactlyOneRule() {
    List<String> countries = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
    countries.addAll(Arrays.asList(null, "", "XX"));
    Map<String, List<?>> values = new LinkedHashMap<>();
    values.put("carr", Arrays.asList(null, 29999.99, 30000.0));
    values.put("employees", Arrays.asList(null, 100, 101));
    values.put("billingCountry", countries);
    List<VariableMap> combinations = allCombinations(values);

    assertThat(smbAccount.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(smbAccount.notDecidedByExactlyOneRule(combinations)).isEmpty();
  }
}
