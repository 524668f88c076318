package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.otherAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** otherAccountOwnerHandoff: accounts with no owner or a non-person owner such as SFDC Admin (R8, R14, R10, R11). */
class OtherAccountOwnerHandoffTest extends RoleWorkflowTestCase {

  private static final String OTHER = "otherAccountOwnerHandoff";

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R14 a non-person owner: the owner of the segment and territory is mentioned with the request and the Zendesk link")
  void mentionsTheTerritoryOwner() {
    start(OTHER, otherAccountOwner(ticketId));

    assertThat(chatterPosts(ticketId)).singleElement().satisfies(post -> {
      assertThat(post.target()).isEqualTo("005U4");
      assertThat(post.text()).startsWith("@Lara Large AMER Hi Lara Large AMER, Globex has no Account Owner")
          .contains("LARGE", "AMER", "We would like to pay by wire transfer",
              "https://gitlab.zendesk.com/agent/tickets/" + ticketId);
    });
    assertThat(ticketUpdates(ticketId)).extracting(OutboxEntry::text)
        .satisfiesExactly(
            reply -> assertThat(reply).contains("status: open", "Escalated to sales: true", "assignee: sam@example.com"),
            note -> assertThat(note).contains("status: pending", "territory owner Lara Large AMER"));
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation", "escalationDue");
  }

  @Test
  @DisplayName("R14 no owner for the segment and territory: the engineer enters one, then the mention follows")
  void engineerFindsTheTerritoryOwner() {
    ProcessInstance other = start(OTHER, otherAccountOwner(ticketId).with("salesSegment", "MID_MARKET"));

    assertThat(other).isWaitingAt("findTerritoryOwner");
    Task task = task(ticketId, "findTerritoryOwner");
    assertThat(task.getName()).isEqualTo("Find the segment and territory owner for ticket " + ticketId);
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("findTerritoryOwner");
    assertThat(chatterPosts(ticketId)).isEmpty();

    complete(ticketId, "findTerritoryOwner", Map.of("territoryOwnerId", "005U6", "territoryOwnerName", "Sol Small AMER"));

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U6");
  }

  @Test
  @DisplayName("R14 without a known region the engineer finds the territory owner")
  void unknownRegionGoesToTheEngineer() {
    ProcessInstance other = start(OTHER, otherAccountOwner(ticketId).with("salesRegion", null));

    assertThat(other).isWaitingAt("findTerritoryOwner").hasNotPassed("lookUpTerritoryOwner");
  }

  @Test
  @DisplayName("R11 R14 the escalation ladder starts from the territory owner: their manager is mentioned next")
  void ladderStartsFromTheTerritoryOwner() {
    start(OTHER, otherAccountOwner(ticketId));

    fire(ticketId, "escalationDue");

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U4", "005U2");
    assertThat(chatterPosts(ticketId).get(1).text()).contains("Lara Large AMER has not answered");
  }

  @Test
  @DisplayName("R10 R14 Sales' confirmation reaches the caller of the Other workflow")
  void confirmationReachesTheCaller() {
    ProcessInstance other = start(OTHER, otherAccountOwner(ticketId));

    salesConfirmContact(ticketId, "Lara Large AMER");
    fire(ticketId, "followUpDue");
    complete(ticketId, "checkCustomerContacted", Map.of("customerContacted", "yes"));

    assertThat(other).isEnded();
    assertThat(historicVariable(other, "contactName")).isEqualTo("Lara Large AMER");
    assertThat(historicVariable(other, "salesConfirmed")).isEqualTo(true);
  }
}
