package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link CheckCaseUpdate} takes from the engine's internals ({@code impl.context.Context}'s
 * command context, {@code runWithoutAuthorization}): an advocate, who holds no grant on decision
 * definitions, saves a case in Tasklist and the case rules are still evaluated, as the engine.
 */
class CaseRulesAsAdvocateTest extends SmbCaseTestCase {

  @AfterEach
  void signOut() {
    processEngine.getIdentityService().clearAuthentication();
  }

  @Test
  @DisplayName("R23 an advocate without decision grants gets the rules' refusal, not an authorization error")
  void rulesAreEvaluatedAsTheEngine() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ensureAdvocate("pinned-advocate", AMER);
    IdentityService identity = processEngine.getIdentityService();
    identity.setAuthentication("pinned-advocate", List.of(AMER));

    // The advocate may not evaluate the rules directly: the grant CheckCaseUpdate does without.
    assertThatThrownBy(() -> processEngine.getDecisionService()
        .evaluateDecisionTableByKey(CheckCaseUpdate.DECISION, Variables.createVariables()))
        .isInstanceOf(AuthorizationException.class);

    String taskId = caseTask(instance).getId();
    assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, CaseUpdate.status("Open", FRIDAY).build()))
        .isNotInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Picking up a case moves it to In Progress (R23)");
    identity.clearAuthentication();
    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
  }
}
