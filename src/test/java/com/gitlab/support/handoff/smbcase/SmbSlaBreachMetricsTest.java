package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.metrics.Scrape;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue #14: the SMB SLAs missed, as {@code handoff_sla_breaches_total} on {@code /actuator/prometheus}
 * (sandbox connectors; the counters are the context's, so each test compares its scrapes before and after).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class SmbSlaBreachMetricsTest extends SmbCaseTestCase {

  @Autowired TestRestTemplate http;

  @Test
  @DisplayName("R22 R26 an SMB case not picked up in 24 business hours, then past 7 and 15 days: one breach each")
  void r22_r26_missedPickUpAndTimeLimitsAreCounted() {
    Scrape before = scrape();
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    fire(instance, "pickUpSlaMissed");
    Scrape missed = scrape();
    assertThat(increase(before, missed, "smb-pickup-24h", "smbCase")).isEqualTo(1);
    assertThat(increase(before, missed, "smb-case-7d", "smbCase")).isZero();

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, MONDAY));
    fire(instance, "sevenDaysPassed");
    fire(instance, "fifteenDaysPassed");

    Scrape after = scrape();
    assertThat(increase(before, after, "smb-pickup-24h", "smbCase")).isEqualTo(1);
    assertThat(increase(before, after, "smb-case-7d", "smbCase")).isEqualTo(1);
    assertThat(increase(before, after, "smb-case-15d", "smbCase")).isEqualTo(1);
    assertThat(increase(before, after, "sales-answer-24h", "awaitSalesConfirmation")).isZero();
  }

  @Test
  @DisplayName("R26 a case exempt from the time limits passes 7 and 15 days without a breach")
  void r26_exemptCaseIsNoBreach() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("noTimeLimitReason", "PO_REQUIRED"));
    Scrape before = scrape();

    fire(instance, "sevenDaysPassed");
    fire(instance, "fifteenDaysPassed");

    Scrape after = scrape();
    BpmnAwareTests.assertThat(instance).hasPassed("sevenDaysExempt", "fifteenDaysExempt");
    assertThat(increase(before, after, "smb-case-7d", "smbCase")).isZero();
    assertThat(increase(before, after, "smb-case-15d", "smbCase")).isZero();
  }

  @Test
  @DisplayName("R13 an SMB Sales User's handoff not picked up in 24 business hours is an smb-pickup-24h breach of smbSalesUserHandoff")
  void r13_missedHandoffPickUpIsCounted() {
    String ticketId = "S" + UUID.randomUUID().toString().substring(0, 8);
    runtimeService().startProcessInstanceByKey("smbSalesUserHandoff", ticketId, smbSalesUser(ticketId));
    runAsyncSteps(ticketId);
    Scrape before = scrape();

    fire(ticketId, "pickupDue");

    Scrape after = scrape();
    assertThat(increase(before, after, "smb-pickup-24h", "smbSalesUserHandoff")).isEqualTo(1);
    assertThat(increase(before, after, "smb-pickup-24h", "smbCase")).isZero();
  }

  private Scrape scrape() {
    return Scrape.of(http, "demo", "demo");
  }

  private static double increase(Scrape before, Scrape after, String sla, String process) {
    return after.value("handoff_sla_breaches_total", "sla", sla, "process", process)
        - before.value("handoff_sla_breaches_total", "sla", sla, "process", process);
  }

  /** Tiny Tools, owned by AMER SMB Sales User, as salesHandoff passes it to the role workflow. */
  private static VariableMap smbSalesUser(String ticketId) {
    return Variables.createVariables()
        .putValue("ticketId", ticketId)
        .putValue("ticketUrl", "https://gitlab.zendesk.com/agent/tickets/" + ticketId)
        .putValue("requestType", "ALTERNATIVE_PAYMENT_METHOD")
        .putValue("summary", "We would like to pay by wire transfer")
        .putValue("engineer", "sam")
        .putValue("priority", "normal")
        .putValue("hasSalesforceAccess", true)
        .putValue("tier", "PREMIUM")
        .putValue("seatsNeeded", null)
        .putValue("macro", "Pass to Sales")
        .putValue("guidance", "Confirm the method (wire, ACH or check)")
        .putValue("requesterEmail", "max@tinytools.io")
        .putValue("accountId", "001A2").putValue("accountName", "Tiny Tools")
        .putValue("salesOwnerId", "005S1").putValue("salesOwnerName", "AMER SMB Sales User")
        .putValue("salesSegment", "SMALL").putValue("salesRegion", "AMER").putValue("smbTerritory", "AMER");
  }
}
