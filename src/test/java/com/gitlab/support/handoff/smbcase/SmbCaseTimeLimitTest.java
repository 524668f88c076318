package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R26, R27, R30: the 7-day target, the 15-day limit and who is exempt; unanswered attempts close the case. */
class SmbCaseTimeLimitTest extends SmbCaseTestCase {

  /** Opened Friday 15:00: 7 business days later is Tuesday 8 December, 15 is Friday 18 December. */
  private static final Date SEVEN_DAYS = at("2026-12-08T15:00:00Z");
  private static final Date FIFTEEN_DAYS = at("2026-12-18T15:00:00Z");

  private ProcessInstance workedCase(SmbCaseVariables variables) {
    ProcessInstance instance = open(variables);
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));
    return instance;
  }

  @Test
  @DisplayName("R26 seven business days after opening the advocate is reminded and the case shows in 'Over 7 days'")
  void sevenDayTargetReminds() {
    ProcessInstance instance = workedCase(SmbCaseVariables.emailCase());

    assertThat(timer(instance, "sevenDaysPassed").getDuedate()).isEqualTo(SEVEN_DAYS);
    fire(instance, "sevenDaysPassed");

    assertThat(variable(instance, "overSevenDays")).isEqualTo(true);
    assertThat((String) variable(instance, "caseReminder")).startsWith("7 days open: the resolution target has passed");
    assertThat(caseTask(instance).getFollowUpDate()).isEqualTo(SEVEN_DAYS);
    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
  }

  @Test
  @DisplayName("R26 fifteen business days after opening the territory's ASM is told the case passed its limit")
  void fifteenDayLimitEscalates() {
    ProcessInstance instance = workedCase(SmbCaseVariables.emailCase());

    assertThat(timer(instance, "fifteenDaysPassed").getDuedate()).isEqualTo(FIFTEEN_DAYS);
    fire(instance, "fifteenDaysPassed");

    assertThat((String) variable(instance, "caseReminder")).startsWith("15 days open: the limit for an SMB case");
    assertThat(outbox(instance, "CHATTER_POST")).singleElement().satisfies(post -> {
      assertThat(post.target()).isEqualTo("005U9,0F9G1");
      assertThat(post.text()).contains("has been open 15 business days, the limit for SMB cases");
    });
  }

  @ParameterizedTest(name = "R26 a case with no time limit because of {0} gets no 7-day or 15-day reminder")
  @ValueSource(strings = {"RENEWAL_WILL_FAIL", "PO_REQUIRED", "FIRST_ORDER", "CONTACT_LATER"})
  void exemptCasesHaveNoLimit(String reason) {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("noTimeLimitReason", reason));

    fire(instance, "sevenDaysPassed");
    fire(instance, "fifteenDaysPassed");

    assertThat(variable(instance, "overSevenDays")).isEqualTo(false);
    assertThat(variable(instance, "caseReminder")).isNull();
    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
    assertThat(instance).hasPassed("sevenDaysExempt", "fifteenDaysExempt");
  }

  @Test
  @DisplayName("R24 R26 an exemption saved while attempting contact (in attemptSmbCaseContact) reaches the case's 7-day check")
  void r26_exemptionSavedWhileAttemptingContact() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);
    save(instance, CaseUpdate.status(CaseUpdate.ATTEMPTING_CONTACT, FRIDAY).with("noTimeLimitReason", "PO_REQUIRED"));
    assertAttemptingContact(instance);

    fire(instance, "sevenDaysPassed");

    assertThat(variable(instance, "noTimeLimitReason")).isEqualTo("PO_REQUIRED");
    assertThat(variable(instance, "overSevenDays")).isEqualTo(false);
    assertThat(instance).hasPassed("sevenDaysExempt").hasNotPassed("warnSevenDays");
  }

  @Test
  @DisplayName("R26 R30 a High Value Account case has no 7-day target and no 15-day limit")
  void highValueAccountHasNoLimit() {
    ensureAdvocate("ava", AMER);
    ProcessInstance instance = workedCase(SmbCaseVariables.emailCase().highValueAccountOf("ava"));

    fire(instance, "sevenDaysPassed");
    fire(instance, "fifteenDaysPassed");

    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
    assertThat(variable(instance, "overSevenDays")).isEqualTo(false);
  }

  @Test
  @DisplayName("R26 a case closed before its 7 days gets no reminder")
  void closedCaseGetsNoReminder() {
    ProcessInstance instance = workedCase(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA"));

    fire(instance, "sevenDaysPassed");

    assertThat(variable(instance, "overSevenDays")).isEqualTo(false);
  }

  @Test
  @DisplayName("R27 15 business days of Attempting Contact without an answer close the case as Unresponsive, Failed to Engage")
  void unansweredAttemptsCloseTheCase() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_00));
    pickUp(instance, MONDAY);

    assertThat(timer(instance, "noAnswerIn15Days").getDuedate()).isEqualTo(at("2026-12-21T10:00:00Z"));
    fire(instance, "noAnswerIn15Days");

    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(instance).variables()
        .containsEntry("caseStatus", "Closed: Unresponsive")
        .containsEntry("resolutionAction", "Failed to Engage")
        .containsEntry("feedback", "NA")
        .containsEntry("closedAt", at("2026-12-21T10:00:00Z"));
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).last().isEqualTo(
        "Status: Closed: Unresponsive; Next Steps: 2026-11-30 AV Emailed the customer about their seats; "
            + "Resolution Action: Failed to Engage; Feedback: NA");
  }

  @Test
  @DisplayName("R30 a High Value Account case unanswered for 15 days stays open and starts a new cadence")
  void highValueAccountKeepsTrying() {
    ensureAdvocate("ava", AMER);
    ProcessInstance instance = open(SmbCaseVariables.emailCase().highValueAccountOf("ava"));
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_00));
    pickUp(instance, MONDAY);

    fire(instance, "noAnswerIn15Days");

    assertAttemptingContact(instance);
    assertThat(variable(instance, "caseStatus")).isEqualTo(CaseUpdate.ATTEMPTING_CONTACT);
    assertThat(variable(instance, "closedAt")).isNull();
    assertThat(timer(instance, "cadenceDay3").getDuedate()).isEqualTo(at("2026-12-23T10:00:00Z"));
  }
}
