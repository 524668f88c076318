package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R20: where a case comes from decides its Type, Priority and Subject; a case missing in Salesforce is created. */
class SmbCaseIntakeTest extends SmbCaseTestCase {

  @Test
  @DisplayName("R20 an email to smallbusiness@ becomes a case: subject to Subject, body to Description, Inbound Request, High")
  void emailBecomesACase() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase()
        .with("subject", "Quote for 20 Premium seats").with("description", "Hi, could you send us a quote?"));

    assertThat(instance).variables()
        .containsEntry("caseSubject", "Quote for 20 Premium seats")
        .containsEntry("caseDescription", "Hi, could you send us a quote?")
        .containsEntry("caseType", "Inbound Request")
        .containsEntry("casePriority", "High");
    List<OutboxEntry> created = outbox(instance, "CASE_CREATE");
    assertThat(created).singleElement().satisfies(entry -> {
      assertThat(entry.text()).startsWith("SMB Sales Case [Inbound Request, High] Quote for 20 Premium seats")
          .contains("Hi, could you send us a quote?");
      assertThat(variable(instance, "salesforceCaseId")).isEqualTo(entry.target());
    });
  }

  @ParameterizedTest(name = "R20 a case from {0} with subject \"{1}\" gets Subject {2}, Type {3}, Priority High")
  @CsvSource({
      "SDR, FO Opp, FO Opp, First Order",
      "SDR, Qualified lead from the webinar, FO Opp, First Order",
      "SDR, SDR Created, SDR Created, SDR Handover",
      "PARTNER, Reseller deal for Acme, Partner Opp, Partner",
      "REFERRAL, Former customer of mine, Referral, Referral",
      "AR, Invoice disputed, AR Request, Billing",
      "SUPPORT, Support ticket 4711: wire transfer, Support ticket 4711: wire transfer, Inbound Request"})
  void originSetsTypeAndSubject(String origin, String subject, String caseSubject, String caseType) {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom(origin, subject));

    assertThat(instance).variables()
        .containsEntry("caseSubject", caseSubject)
        .containsEntry("caseType", caseType)
        .containsEntry("casePriority", "High");
    assertThat(outbox(instance, "CASE_CREATE")).singleElement()
        .satisfies(entry -> assertThat(entry.text()).startsWith("SMB Sales Case [" + caseType + ", High] " + caseSubject));
  }

  @Test
  @DisplayName("R20 where the handbook fixes the Subject, what the requester wrote moves into the Description")
  void requesterSubjectMovesToTheDescription() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("PARTNER", "Reseller deal for Acme")
        .with("description", "End user Acme, 30 seats"));

    assertThat(variable(instance, "caseDescription")).isEqualTo("Reseller deal for Acme: End user Acme, 30 seats");
  }

  @Test
  @DisplayName("R20 R12 a case handed over by Support is already in Salesforce: it is not created twice")
  void supportCaseIsNotCreatedAgain() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer")
        .with("salesforceCaseId", "500EXISTING1").with("ticketId", "4711"));

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(outbox(instance, "CASE_CREATE")).isEmpty();
    assertThat(instance).variables().containsEntry("caseType", "Inbound Request").containsEntry("casePriority", "High");
  }

  @Test
  @DisplayName("R20 a case opened in Tasklist gets an SMB case key as its business key")
  void startFormCaseGetsAKey() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThat(businessKey(instance)).matches("SMB-[0-9A-F]{8}");
    assertThat(variable(instance, "caseKey")).isEqualTo(businessKey(instance));
  }

  @Test
  @DisplayName("R20 an SDR's FO Opp is a First Order, so it has no time limit (R26)")
  void firstOrderHasNoTimeLimit() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("SDR", "FO Opp"));

    assertThat(variable(instance, "noTimeLimitReason")).isEqualTo("FIRST_ORDER");
  }
}
