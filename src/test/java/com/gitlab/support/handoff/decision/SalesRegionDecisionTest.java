package com.gitlab.support.handoff.decision;

import static com.gitlab.support.handoff.decision.DecisionTableTester.decision;
import static com.gitlab.support.handoff.decision.DecisionTableTester.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.decision.DecisionTableTester.Decided;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC R14: the region whose segment and territory owner takes an account without a person owner. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/salesRegion.dmn")
class SalesRegionDecisionTest {

  ProcessEngine processEngine;
  DecisionTableTester salesRegion;

  @BeforeEach
  void lookUpDecision() {
    salesRegion = decision(processEngine, "salesRegion");
  }

  @ParameterizedTest(name = "R14 {0} is {1}")
  @CsvSource({
      "US, AMER, americas", "CA, AMER, americas", "BR, AMER, americas", "MX, AMER, americas", "JM, AMER, americas",
      "JP, APJ, asiaPacificJapan", "AU, APJ, asiaPacificJapan", "IN, APJ, asiaPacificJapan", "SG, APJ, asiaPacificJapan",
      "DE, EMEA, europeMiddleEastAfrica", "GB, EMEA, europeMiddleEastAfrica", "ZA, EMEA, europeMiddleEastAfrica",
      "AE, EMEA, europeMiddleEastAfrica"})
  @DisplayName("R14 the billing country gives the sales region")
  void regionByCountry(String country, String region, String rule) {
    Decided decided = salesRegion.decide(inputs("billingCountry", country));

    assertThat(decided.text("salesRegion")).isEqualTo(region);
    assertThat(decided.ruleId()).isEqualTo(rule);
  }

  @Test
  @DisplayName("R14 no billing country: no region, so the engineer finds the owner")
  void noCountryNoRegion() {
    Decided decided = salesRegion.decide(inputs("billingCountry", null));

    assertThat(decided.text("salesRegion")).isNull();
    assertThat(decided.ruleId()).isEqualTo("unknownCountry");
  }

  @Test
  @DisplayName("R14 every ISO 3166 country gets exactly one of AMER, EMEA, APJ")
  void everyCountryHasARegion() {
    for (String country : Locale.getISOCountries()) {
      assertThat(salesRegion.decide(inputs("billingCountry", country)).text("salesRegion"))
          .as(country).isIn("AMER", "EMEA", "APJ");
    }
  }
}
