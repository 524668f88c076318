package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R28, R30, R32, R37, R38: what closing a case needs, and what it does. */
class SmbCaseClosingTest extends SmbCaseTestCase {

  private ProcessInstance pickedUpCase(SmbCaseVariables variables) {
    ProcessInstance instance = open(variables);
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));
    return instance;
  }

  @Test
  @DisplayName("R28 closing stamps the closed date and time and sets the case Closed in Salesforce with Resolution Action and Feedback")
  void closingStampsAndSyncs() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Completed Sales Assisted Order",
        "Customer: thank you for helping me so quickly"));

    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(variable(instance, "closedAt")).isEqualTo(Date.from(FRIDAY_15_00));
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).last().isEqualTo(
        "Status: Closed: Resolved; Next Steps: 2026-11-27 AV Emailed the customer about their seats; "
            + "Resolution Action: Completed Sales Assisted Order; Feedback: Customer: thank you for helping me so quickly");
  }

  @Test
  @DisplayName("R28 closing without a Resolution Action from the dictionary is refused and the case stays open")
  void closingNeedsAResolutionAction() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());
    Task task = caseTask(instance);

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved(null, "NA")))
        .hasMessageContaining("Closing needs a Resolution Action from the dictionary (R28)");
    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Sold it", "NA")))
        .hasMessageContaining("Closing needs a Resolution Action from the dictionary (R28)");

    assertThat(caseTask(instance).getId()).isEqualTo(task.getId());
    assertThat(variable(instance, "caseStatus")).isEqualTo(CaseUpdate.ENGAGED);
    assertThat(variable(instance, "closedAt")).isNull();
  }

  @Test
  @DisplayName("R28 closing without Feedback is refused; NA is enough")
  void closingNeedsFeedback() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.DUPLICATE, FRIDAY).resolved("No Action Required", " ")))
        .hasMessageContaining("Closing needs Feedback: what the customer said, or NA when there is none (R28)");

    save(instance, CaseUpdate.status(CaseUpdate.DUPLICATE, FRIDAY).resolved("No Action Required", "NA"));
    assertThat(instance).isWaitingAt("lateEmailWindow");
  }

  @Test
  @DisplayName("R28 Closed: Resolved without a Contact on the case is refused")
  void resolvedNeedsAContact() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().withoutContact());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA")))
        .hasMessageContaining("Closed: Resolved needs a Contact on the case (R28)");
  }

  @Test
  @DisplayName("R28 Closed: Duplicate needs no Contact")
  void duplicateNeedsNoContact() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().withoutContact());

    save(instance, CaseUpdate.status(CaseUpdate.DUPLICATE, FRIDAY).resolved("No Action Required", "NA"));

    assertThat(instance).isWaitingAt("lateEmailWindow");
  }

  @Test
  @DisplayName("R28 Closed: Resolved with a Next Steps date in the future is refused")
  void resolvedNeedsNextStepsNotInTheFuture() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, "2026-11-30").resolved("Answered Question", "NA")))
        .hasMessageContaining("Closed: Resolved needs a Next Steps date that is not in the future (R28)");
  }

  @Test
  @DisplayName("R28 every refusal is named at once, so the advocate fixes the form in one go")
  void allRefusalsAtOnce() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().withoutContact());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, "2026-12-24").resolved(null, null)))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("Resolution Action").hasMessageContaining("Feedback")
        .hasMessageContaining("Contact").hasMessageContaining("not in the future");
  }

  @Test
  @DisplayName("R37 a Lead on the case is converted to a Contact before the case is closed")
  void leadIsConvertedBeforeClosing() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().withoutContact().with("leadId", "00QL1"));

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Directed to Online Purchase", "NA"));

    assertThat(outbox(instance, "LEAD_CONVERT")).singleElement()
        .satisfies(entry -> assertThat(entry.text()).startsWith("Lead 00QL1 converted to Contact 003SB"));
    assertThat((String) variable(instance, "contactId")).startsWith("003SB");
    assertThat(outboxFor(businessKey(instance))).extracting(OutboxEntry::action)
        .containsSubsequence("LEAD_CONVERT", "CASE_UPDATE");
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text)
        .noneMatch(text -> text.startsWith("Status: Closed") && !text.contains("Resolution Action"));
  }

  @Test
  @DisplayName("R38 closing the case closes its opportunity (won or lost, close date today) before the case")
  void closingClosesTheOpportunity() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().with("opportunityId", "006O9")
        .with("opportunityCloseDate", "2026-12-15"));

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Completed Sales Assisted Order", "NA")
        .with("opportunityCloseDate", "2026-12-15").with("opportunityOutcome", "Closed Won"));

    assertThat(outbox(instance, "OPPORTUNITY_UPDATE")).extracting(OutboxEntry::text)
        .last().isEqualTo("Close Date: 2026-11-27; Stage: Closed Won");
    assertThat(outboxFor(businessKey(instance))).extracting(OutboxEntry::text).last().asString()
        .startsWith("Status: Closed: Resolved");
  }

  @Test
  @DisplayName("R38 closing a case with an opportunity without saying won or lost is refused")
  void closingNeedsTheOpportunityOutcome() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().with("opportunityId", "006O9")
        .with("opportunityCloseDate", "2026-12-15"));

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA")
        .with("opportunityCloseDate", "2026-12-15")))
        .hasMessageContaining("Closing the case closes its opportunity: choose Closed Won or Closed Lost (R38)");
  }

  @Test
  @DisplayName("R38 an opportunity close date in the past is refused")
  void opportunityCloseDateNeverInThePast() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase().with("opportunityId", "006O9"));

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("opportunityCloseDate", "2026-11-26")))
        .hasMessageContaining("The opportunity's close date lies in the past: move it to today or later (R38)");
    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY)))
        .hasMessageContaining("The case has an opportunity: give its close date (R38)");
  }

  @Test
  @DisplayName("R38 each update keeps the opportunity's close date in step in Salesforce")
  void closeDateIsSyncedToTheOpportunity() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase().with("opportunityId", "006O9"));

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("opportunityCloseDate", "2026-12-31"));

    assertThat(outbox(instance, "OPPORTUNITY_UPDATE")).singleElement().satisfies(entry -> {
      assertThat(entry.target()).isEqualTo("006O9");
      assertThat(entry.text()).isEqualTo("Close Date: 2026-12-31");
    });
  }

  @Test
  @DisplayName("R30 a High Value Account case does not close with anything but Request Not Possible")
  void highValueAccountClosesOnlyOnChurn() {
    ensureAdvocate("ava", AMER);
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase().highValueAccountOf("ava"));

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Growth Conversation", "NA")))
        .hasMessageContaining("A High Value Account case stays open the whole fiscal year");

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Request Not Possible", "Customer will churn at renewal"));
    assertThat(instance).isWaitingAt("lateEmailWindow");
  }

  @Test
  @DisplayName("R32 Transferred To Support closes the case and loops in the support team in Tasklist")
  void transferToSupportLoopsInSupport() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Transferred To Support", "NA"));

    Task handover = task(instance, "loopInSupport");
    assertThat(handover.getName()).isEqualTo("Take over SMB case " + businessKey(instance) + " from the SMB Advocates: Need 5 more seats");
    assertThat(handover).hasCandidateGroup("support-engineers");
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).last().asString()
        .contains("Resolution Action: Transferred To Support");
    assertFormFindsItsVariables(handover);
    complete(instance, handover, java.util.Map.of("supportTicketId", "4712"));
    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(variable(instance, "supportTicketId")).isEqualTo("4712");
  }

  @Test
  @DisplayName("R32 Transferred To Support on a case left open is refused")
  void transferToSupportMustClose() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).resolved("Transferred To Support", "NA")))
        .hasMessageContaining("Transferred To Support closes the case: choose a Closed status (R32)");
  }

  @Test
  @DisplayName("R37 a Lead field left empty in the form is no Lead: nothing is converted")
  void emptyLeadFieldIsNoLead() {
    ProcessInstance instance = pickedUpCase(SmbCaseVariables.emailCase());

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA")
        .with("leadId", "").with("opportunityId", " "));

    assertThat(outbox(instance, "LEAD_CONVERT")).isEmpty();
    assertThat(outbox(instance, "OPPORTUNITY_UPDATE")).isEmpty();
    assertThat(instance).isWaitingAt("lateEmailWindow");
  }
}
