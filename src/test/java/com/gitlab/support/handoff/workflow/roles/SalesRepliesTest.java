package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.otherAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import com.gitlab.support.handoff.connector.sandbox.SandboxReplies;
import com.gitlab.support.handoff.connector.sandbox.SandboxSalesforceConnector;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R39: the role workflows hear Sales' answer on Chatter and Slack, on a moved engine clock. */
class SalesRepliesTest extends RoleWorkflowTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";
  private static final String OTHER = "otherAccountOwnerHandoff";

  @Autowired SandboxReplies replies;

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R39 the Account Owner replies on Chatter before the first rung: no manager is mentioned, the engineer sees the reply")
  void r39_replyBeforeTheFirstRung() {
    start(NAMED, namedAccountOwner(ticketId));
    chatterReply("005U1", "Jane Owner", "Called them this morning, they will pay by wire.");

    fire(ticketId, "escalationDue");

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1");
    assertThat(hasTimer(ticketId, "escalationDue")).isFalse();
    assertThat(ticketUpdates(ticketId)).last().extracting(OutboxEntry::text).asString()
        .contains("Jane Owner replied on Chatter", "Called them this morning");
    assertThat(task(ticketId, "reviewSalesReply").getName())
        .isEqualTo("Jane Owner replied on Chatter about ticket " + ticketId + ": record the contact or ask again");

    complete(ticketId, "reviewSalesReply", Map.of("salesReplyOutcome", "contactConfirmed", "contactName", "Jane Owner"));

    assertThat(ticketUpdates(ticketId)).last().extracting(OutboxEntry::text).asString()
        .contains("Jane Owner from our Sales team has confirmed");
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("followUpDue");
  }

  @Test
  @DisplayName("R39 the manager replies mid-ladder: the regular check hears it within 2 business hours and the ladder stops")
  void r39_replyMidLadder() {
    start(NAMED, namedAccountOwner(ticketId));
    fire(ticketId, "escalationDue");
    chatterReply("005U2", "Max Manager", "Jane is out, I asked Rob to call them.");

    fireNotBackwards("replyCheckDue");

    assertThat(task(ticketId, "reviewSalesReply").getName()).startsWith("Max Manager replied on Chatter");
    assertThat(hasTimer(ticketId, "escalationDue")).isFalse();
    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1", "005U2");
  }

  @Test
  @DisplayName("R39 a reply on the owner's first post, made while the manager's rung was being posted, is not lost")
  void r39_replyOnAnOlderThreadIsHeard() {
    start(NAMED, namedAccountOwner(ticketId));
    String ownersPost = replies.newestChatterPost(ticketId).orElseThrow().thread();
    fire(ticketId, "escalationDue");
    replies.add(ExternalSystem.SALESFORCE, ownersPost, "005U1", "Jane Owner", "Sorry, on it now.");

    fireNotBackwards("replyCheckDue");

    assertThat(task(ticketId, "reviewSalesReply").getName()).startsWith("Jane Owner replied on Chatter");
  }

  @Test
  @DisplayName("R39 no reply: the regular check keeps reading every 2 business hours and the ladder climbs as before")
  void r39_noReplyLadderAsBefore() {
    start(NAMED, namedAccountOwner(ticketId));

    Date first = fireNotBackwards("replyCheckDue");
    Date second = fireNotBackwards("replyCheckDue");
    fire(ticketId, "escalationDue");

    assertThat(first).isEqualTo(Date.from(FRIDAY_15_00.plusSeconds(2 * 3600)));
    assertThat(second).isEqualTo(Date.from(FRIDAY_15_00.plusSeconds(4 * 3600)));
    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1", "005U2");
    assertThat(task(ticketId, "reviewSalesReply")).isNull();
  }

  @Test
  @DisplayName("R39 a comment by the integration user itself is not Sales' answer")
  void r39_integrationUserIsIgnored() {
    start(NAMED, namedAccountOwner(ticketId));
    chatterReply(SandboxSalesforceConnector.INTEGRATION_USER_ID, "Integration", "Reminder: please answer.");

    fireNotBackwards("replyCheckDue");
    fire(ticketId, "escalationDue");

    assertThat(task(ticketId, "reviewSalesReply")).isNull();
    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1", "005U2");
  }

  @Test
  @DisplayName("R39 ask again: the handoff waits for Sales again from the rung it reached, and the same reply is not counted twice")
  void r39_askAgainGoesOnFromTheRungReached() {
    start(NAMED, namedAccountOwner(ticketId));
    fire(ticketId, "escalationDue");
    chatterReply("005U2", "Max Manager", "Which customer is this?");
    fireNotBackwards("replyCheckDue");

    complete(ticketId, "reviewSalesReply", Map.of("salesReplyOutcome", "askAgain"));
    fireNotBackwards("replyCheckDue");
    fire(ticketId, "escalationDue");

    assertThat(task(ticketId, "reviewSalesReply")).isNull();
    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1", "005U2", "005U3");
  }

  @Test
  @DisplayName("R39 R15 a reply in the Slack thread of the urgent ping by the pinged owner is Sales' answer; another person's is not")
  void r39_slackReplyByThePingedPerson() {
    start(NAMED, namedAccountOwner(ticketId).urgent());
    assertThat(slackMessages(ticketId)).hasSize(1);
    String ping = replies.newestSlackMessage(ticketId).orElseThrow().thread();
    replies.add(ExternalSystem.SLACK, ping, "005U9", "Ash ASM AMER", "+1, following");

    fireNotBackwards("replyCheckDue");
    assertThat(task(ticketId, "reviewSalesReply")).isNull();

    replies.add(ExternalSystem.SLACK, ping, "005U1", "Jane Owner", "I will call them in an hour");
    fireNotBackwards("replyCheckDue");

    assertThat(task(ticketId, "reviewSalesReply").getName()).startsWith("Jane Owner replied on Slack");
    assertThat(hasTimer(ticketId, "escalationDue")).isFalse();
  }

  @Test
  @DisplayName("R39 R14 the territory owner replies on Chatter before the first rung (Other Account Owner workflow)")
  void r39_otherAccountOwnerReplies() {
    start(OTHER, otherAccountOwner(ticketId));
    chatterReply("005U4", "Lara Large AMER", "Mine, I'll reach out.");

    fire(ticketId, "escalationDue");

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U4");
    assertThat(task(ticketId, "reviewSalesReply").getName()).startsWith("Lara Large AMER replied on Chatter");
  }

  @Test
  @DisplayName("R39 R13 the SMB team replies on the Chatter reminder: the wait for pick-up ends and the reply goes on the ticket")
  void r39_smbTeamRepliesOnTheReminder() {
    var smb = start("smbSalesUserHandoff", HandoffVariables.smbSalesUser(ticketId));
    fire(ticketId, "pickupDue");
    chatterReply("005U9", "Ash ASM AMER", "Ava takes it today.");

    fireNotBackwards("smbReplyCheckDue");

    assertThat(smb).isEnded().hasPassed("reminderSent", "noteSmbTeamReply", "smbTeamPickedUp");
    assertThat(ticketUpdates(ticketId)).last().extracting(OutboxEntry::text).asString()
        .contains("Ash ASM AMER replied on Chatter to our reminder", "Ava takes it today.");
  }

  @Test
  @DisplayName("R39 R13 without an answer the SMB reminder's thread is read again every 2 business hours")
  void r39_smbTeamSilentKeepsWaiting() {
    var smb = start("smbSalesUserHandoff", HandoffVariables.smbSalesUser(ticketId));
    fire(ticketId, "pickupDue");
    chatterReply(SandboxSalesforceConnector.INTEGRATION_USER_ID, "Integration", "Bump");

    fireNotBackwards("smbReplyCheckDue");

    assertThat(smb).isWaitingAt("recordSmbPickup", "smbReplyCheckDue");
  }

  private void chatterReply(String authorId, String authorName, String text) {
    String post = replies.newestChatterPost(ticketId).orElseThrow().thread();
    replies.add(ExternalSystem.SALESFORCE, post, authorId, authorName, text);
  }

  /** Fires the timer without turning the clock back (the listener's timer may be due before "now"). */
  private Date fireNotBackwards(String activityId) {
    Job job = timer(ticketId, activityId);
    Date due = job.getDuedate();
    if (due.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(due);
    }
    managementService().executeJob(job.getId());
    runAsyncSteps(ticketId);
    return due;
  }
}
