package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** awaitSalesConfirmation's Slack pings (R15). */
class SalesEscalationSlackTest extends RoleWorkflowTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R15 an urgent ticket is pinged in #support_sales_escalation as soon as Sales is asked")
  void urgentTicketIsPingedAtOnce() {
    start(NAMED, namedAccountOwner(ticketId).urgent());

    assertThat(slackMessages(ticketId)).singleElement().satisfies(ping -> {
      assertThat(ping.target()).isEqualTo("#support_sales_escalation");
      assertThat(ping.text()).startsWith("Urgent ticket " + ticketId).contains("Jane Owner was asked on Chatter");
    });
  }

  @Test
  @DisplayName("R15 a normal ticket is not pinged in Slack before its Chatter mention goes unanswered")
  void normalTicketIsNotPingedAtOnce() {
    start(NAMED, namedAccountOwner(ticketId));

    assertThat(slackMessages(ticketId)).isEmpty();
  }

  @Test
  @DisplayName("R15 a Chatter mention left unanswered 24 business hours is pinged in Slack")
  void unansweredMentionIsPinged() {
    start(NAMED, namedAccountOwner(ticketId));

    fire(ticketId, "escalationDue");

    assertThat(slackMessages(ticketId)).singleElement().satisfies(ping -> {
      assertThat(ping.target()).isEqualTo("#support_sales_escalation");
      assertThat(ping.text()).contains("Jane Owner has not answered on Chatter in 24 business hours",
          "Max Manager was mentioned").doesNotContain("cc @");
    });
  }

  @Test
  @DisplayName("R15 the second Slack ping copies the manager")
  void secondPingCopiesTheManager() {
    start(NAMED, namedAccountOwner(ticketId).urgent());

    fire(ticketId, "escalationDue");

    assertThat(slackMessages(ticketId)).extracting(OutboxEntry::text).hasSize(2)
        .satisfies(pings -> assertThat(pings.get(0)).doesNotContain("cc @"))
        .satisfies(pings -> assertThat(pings.get(1)).endsWith("cc @Max Manager"));
  }

  @ParameterizedTest(name = "R15 {0} is pinged in {1}")
  @CsvSource({
      "NEW_BUSINESS_QUOTE, #sales",
      "RENEWAL_QUOTE, #account-management",
      "PURCHASE_ORDER_OR_QUOTE, #support_sales_escalation"})
  @DisplayName("R15 new business is pinged in #sales, renewals in #account-management, the rest in #support_sales_escalation")
  void channelByRequestType(String requestType, String channel) {
    start(NAMED, namedAccountOwner(ticketId).urgent().with("requestType", requestType));

    assertThat(slackMessages(ticketId)).extracting(OutboxEntry::target).containsExactly(channel);
  }
}
