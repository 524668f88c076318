package com.gitlab.support.handoff.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The caching FEEL engine answers exactly as Camunda's, first time and from its cache: values, nulls,
 * and the error messages Cockpit shows.
 */
class CachingFeelEngineTest {

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
  private final CachingFeelEngine caching = new CachingFeelEngine(List.of());

  private static VariableContext variables(Object cellInput) {
    return Variables.createVariables()
        .putValue("requestType", "TRUE_UP_WAIVER")
        .putValue("seats", 12)
        .putValue("carr", 45_000.5)
        .putValue("tier", null)
        .putValue("closeDate", LocalDate.of(2026, 12, 2))
        .putValue("emails", List.of("a@acme.com", "b@acme.com"))
        .putValue("cellInput", cellInput)
        .asVariableContext();
  }

  static Stream<String> expressions() {
    return Stream.of("requestType", "seats * 2 + 1", "carr > 30000", "tier", "missing",
        "if seats > 10 then \"big\" else \"small\"", "count(emails)", "upper case(requestType)",
        "closeDate + duration(\"P1D\")", "string length(tier)", "seats +", "date(\"not a date\")");
  }

  static Stream<Arguments> unaryTests() {
    return Stream.of(
        Arguments.of("\"TRUE_UP_WAIVER\",\"RENEWAL\"", "TRUE_UP_WAIVER"),
        Arguments.of("not(\"RENEWAL\")", "RENEWAL"),
        Arguments.of("> 10", 12),
        Arguments.of("[1..10]", 12),
        Arguments.of("<= 50000", 45_000.5),
        Arguments.of("? > seats", 13),
        Arguments.of("null", null),
        Arguments.of("-", "anything"),
        Arguments.of("\"A\"", null),
        Arguments.of("> 10", "not a number"),
        Arguments.of("[1..", 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  @DisplayName("expressions: the same value or the same error, also from the cache")
  void expressionsAsCamunda(String expression) {
    Outcome expected = outcome(() -> camunda.evaluateSimpleExpression(expression, variables(null)));

    assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, variables(null)))).isEqualTo(expected);
    assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, variables(null)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} for {1}")
  @MethodSource("unaryTests")
  @DisplayName("rule cells (unary tests): the same match or the same error, also from the cache")
  void unaryTestsAsCamunda(String test, Object input) {
    Outcome expected = outcome(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput", variables(input)));

    assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(test, "cellInput", variables(input)))).isEqualTo(expected);
    assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(test, "cellInput", variables(input)))).isEqualTo(expected);
  }

  @Test
  @DisplayName("each text is parsed once: evaluating it again with other variables adds nothing to the cache")
  void parsedOnce() {
    for (int seats = 0; seats < 50; seats++) {
      caching.evaluateSimpleUnaryTests("> 10", "cellInput", variables(seats));
      caching.evaluateSimpleExpression("seats * 2", variables(seats));
    }

    assertThat(caching.cached()).isEqualTo(2);
    assertThat((Object) caching.evaluateSimpleExpression("seats * 2", variables(null))).isEqualTo(24L);
  }

  private record Outcome(Object value, String error) {}

  private static Outcome outcome(Callable<Object> evaluation) {
    try {
      return new Outcome(evaluation.call(), null);
    } catch (Exception error) {
      return new Outcome(null, error.getClass().getName() + ": " + error.getMessage());
    }
  }
}
