package com.gitlab.support.handoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R18: adding a customer to an organization goes to Slack #account-management. */
class AddCustomerToOrganizationProcessTest extends ProcessTestCase {

  @Test
  @DisplayName("R18 the Account Owner is tagged in #account-management")
  void tagsTheAccountOwner() {
    OutboxEntry asked = ask("7101", "new.dev@acme.com");

    assertThat(asked.target()).isEqualTo("#account-management");
    assertThat(asked.text()).startsWith("@Jane Owner: please add new.dev@acme.com to the organization \"Acme Engineering\"");
  }

  @Test
  @DisplayName("R18 no Account Owner listed: the latest opportunity's owner is tagged")
  void tagsTheLatestOpportunityOwner() {
    assertThat(ask("7102", "pm@initech.com").text()).startsWith("@Sol Small AMER: please add pm@initech.com");
  }

  @Test
  @DisplayName("R18 no one at all: the channel is asked untagged")
  void asksUntagged() {
    OutboxEntry asked = ask("7103", "info@kleinewerke.de");

    assertThat(asked.text()).startsWith("Account team, please add info@kleinewerke.de")
        .as("no @mention of a person").doesNotContainPattern("(^|\\s)@\\w");
  }

  private OutboxEntry ask(String ticketId, String requesterEmail) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("addCustomerToOrganization", ticketId,
        Variables.createVariables().putValue("ticketId", ticketId).putValue("requesterEmail", requesterEmail)
            .putValue("organizationName", "Acme Engineering").putValue("summary", "Needs access to the group."));
    while (!runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).list().isEmpty()) {
      execute(job(pi));
    }
    assertThat(pi).isEnded();
    return assertThat(outboxFor(ticketId)).singleElement().actual();
  }
}
