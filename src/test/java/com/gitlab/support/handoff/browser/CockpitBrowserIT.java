package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cockpit as operators and process owners use it: find a handoff by its ticket id and see where it stands. */
class CockpitBrowserIT extends BrowserTestCase {

  @Test
  @DisplayName("demo opens 'Pass a ticket to Sales' in Cockpit and finds the running handoff by its ticket id, on the diagram")
  void operatorSeesARunningHandoff() {
    handoffWaitingForTheEngineer("4712");

    Cockpit cockpit = cockpitAs("demo").openProcess("Pass a ticket to Sales");
    assertThat(cockpit.instanceBusinessKeys()).contains("4712");
    screenshot("cockpit-process-definition");

    cockpit.openInstance("4712");
    assertThat(cockpit.businessKey()).isEqualTo("4712");
    assertThat(cockpit.diagramShows("helpWithoutSales")).isTrue();
    assertThat(cockpit.tokensOn("helpWithoutSales")).isEqualTo(1);
    screenshot("cockpit-process-instance");
    assertThat(cockpit.tab("Variables", "ticketId")).contains("requesterEmail", "guidance", "jane@acme.com");
  }

  @Test
  @DisplayName("pat, the process owner, reads a handoff in Cockpit but is not let into Tasklist")
  void processOwnerReadsCockpitOnly() {
    handoffWaitingForTheEngineer("4713");

    Cockpit cockpit = cockpitAs("pat").openProcess("Pass a ticket to Sales").openInstance("4713");
    assertThat(cockpit.businessKey()).isEqualTo("4713");
    assertThat(cockpit.tokensOn("helpWithoutSales")).isEqualTo(1);
    screenshot("cockpit-process-owner");

    String refusal = Login.refused(browser(), "/camunda/app/tasklist/" + engine.getName() + "/#/login", "pat");
    assertThat(refusal).containsIgnoringCase("access rights");
    screenshot("tasklist-process-owner-refused");
  }
}
