package com.gitlab.support.handoff.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gitlab.support.handoff.refusals.HandResults.Result;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a step names in refusalResults is what "done by hand" asks for (docs/refusals.md). */
class HandResultsTest {

  @Test
  @DisplayName("#13 'variable: label' entries, one a line or separated by ;, become the form's fields in order")
  void entriesInOrder() {
    HandResults results = HandResults.parse("salesforceCaseId: Id of the case (500…)\n contactId :Contact id; chatterPostUrl: Link: the post's URL");

    assertThat(results.results()).containsExactly(new Result("salesforceCaseId", "Id of the case (500…)"),
        new Result("contactId", "Contact id"), new Result("chatterPostUrl", "Link: the post's URL"));
    VariableMap variables = Variables.createVariables();
    results.describeIn(variables);
    assertThat(variables).containsEntry("handResult1Variable", "salesforceCaseId").containsEntry("handResult2Label", "Contact id")
        .containsEntry("handResult3Variable", "chatterPostUrl").hasSize(6);
  }

  @Test
  @DisplayName("#13 a step without the property asks for nothing")
  void none() {
    assertThat(HandResults.parse(null).results()).isEmpty();
    assertThat(HandResults.parse("  \n ").results()).isEmpty();
  }

  @Test
  @DisplayName("#13 an entry without a label, or more results than the form has fields, is refused naming the entry")
  void malformed() {
    assertThatThrownBy(() -> HandResults.parse("chatterPostUrl"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("refusalResults: 'chatterPostUrl' is not 'variable: label'");
    assertThatThrownBy(() -> HandResults.parse("a: A; b: B; c: C; d: D"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names 4 results; the fix form has room for 3");
  }
}
