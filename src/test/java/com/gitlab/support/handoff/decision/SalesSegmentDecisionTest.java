package com.gitlab.support.handoff.decision;

import static com.gitlab.support.handoff.decision.DecisionTableTester.decision;
import static com.gitlab.support.handoff.decision.DecisionTableTester.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.decision.DecisionTableTester.Decided;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

/** SPEC R6 (and R5's "likely Small"): the Sales Segment by total employees. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/salesSegment.dmn")
class SalesSegmentDecisionTest {

  ProcessEngine processEngine;
  DecisionTableTester salesSegment;

  @BeforeEach
  void lookUpDecision() {
    salesSegment = decision(processEngine, "salesSegment");
  }

  @ParameterizedTest(name = "R6 {0} employees: {1}")
  @CsvSource({
      "0, SMALL", "99, SMALL",
      "100, MID_MARKET", "1999, MID_MARKET",
      "2000, LARGE", "250000, LARGE"})
  @DisplayName("R6 Large from 2000 employees, Mid-Market 100 to 1999, Small 0 to 99")
  void segmentByEmployees(int employees, String segment) {
    assertThat(salesSegment.decide(inputs("employees", employees)).text("salesSegment")).isEqualTo(segment);
  }

  @Test
  @DisplayName("R5 unknown employee count: likely Small")
  void unknownEmployeesIsSmall() {
    Decided decided = salesSegment.decide(inputs("employees", null));

    assertThat(decided.text("salesSegment")).isEqualTo("SMALL");
    assertThat(decided.ruleId()).isEqualTo("unknownIsSmall");
  }

  @Test
  @DisplayName("R6 a count that arrives as a long (JSON, Salesforce) is segmented the same")
  void longEmployeeCount() {
    assertThat(salesSegment.decide(inputs("employees", 2000L)).text("salesSegment")).isEqualTo("LARGE");
  }

  @Test
  @DisplayName("R6 every employee count from 0 to 2100, and none, is decided by exactly one rule")
  void everyCountMatchesExactlyOneRule() {
    List<VariableMap> counts = new ArrayList<>(
        IntStream.rangeClosed(0, 2100).mapToObj(n -> inputs("employees", n)).toList());
    counts.add(inputs("employees", Integer.MAX_VALUE));
    counts.add(inputs("employees", null));

    assertThat(salesSegment.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(salesSegment.notDecidedByExactlyOneRule(counts)).isEmpty();
  }
}
