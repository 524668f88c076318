package com.gitlab.support.handoff.workflow.roles;

import java.util.UUID;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables salesHandoff passes to a role workflow (call activity, {@code variables="all"}),
 * with the demo CRM's accounts as defaults; tests change only what their behaviour is about.
 */
final class HandoffVariables {

  static final String ENGINEER = "sam";

  private final VariableMap variables = Variables.createVariables();

  private HandoffVariables(String ticketId) {
    variables
        .putValue("ticketId", ticketId)
        .putValue("ticketUrl", "https://gitlab.zendesk.com/agent/tickets/" + ticketId)
        .putValue("requestType", "ALTERNATIVE_PAYMENT_METHOD")
        .putValue("summary", "We would like to pay by wire transfer")
        .putValue("engineer", ENGINEER)
        .putValue("priority", "normal")
        .putValue("hasSalesforceAccess", true)
        .putValue("tier", "PREMIUM")
        .putValue("seatsNeeded", null)
        .putValue("macro", "Pass to Sales")
        .putValue("guidance", "Confirm the method (wire, ACH or check)")
        .putValue("smbTerritory", null);
  }

  /** A fresh ticket id, so tests sharing one engine never see each other's outbox entries. */
  static String newTicketId() {
    return "T" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Acme, owned by Jane Owner (005U1), whose org chart climbs Max Manager, Rita Regional VP, Cleo CEO. */
  static HandoffVariables namedAccountOwner(String ticketId) {
    return new HandoffVariables(ticketId)
        .with("requesterEmail", "jane@acme.com")
        .with("accountId", "001A1").with("accountName", "Acme")
        .with("salesOwnerId", "005U1").with("salesOwnerName", "Jane Owner")
        .with("salesSegment", "LARGE").with("salesRegion", "AMER");
  }

  /** Tiny Tools, owned by AMER SMB Sales User; its territory's ASM is Ash ASM AMER (005U9). */
  static HandoffVariables smbSalesUser(String ticketId) {
    return new HandoffVariables(ticketId)
        .with("requesterEmail", "max@tinytools.io")
        .with("accountId", "001A2").with("accountName", "Tiny Tools")
        .with("salesOwnerId", "005S1").with("salesOwnerName", "AMER SMB Sales User")
        .with("salesSegment", "SMALL").with("salesRegion", "AMER").with("smbTerritory", "AMER");
  }

  /** Globex, owned by SFDC Admin; LARGE in AMER belongs to Lara Large AMER (005U4), reporting to Max Manager. */
  static HandoffVariables otherAccountOwner(String ticketId) {
    return new HandoffVariables(ticketId)
        .with("requesterEmail", "ann@globex.com")
        .with("accountId", "001A4").with("accountName", "Globex")
        .with("salesOwnerId", "005SA").with("salesOwnerName", "SFDC Admin")
        .with("salesSegment", "LARGE").with("salesRegion", "AMER");
  }

  HandoffVariables with(String name, Object value) {
    variables.putValue(name, value);
    return this;
  }

  HandoffVariables urgent() {
    return with("priority", "urgent");
  }

  HandoffVariables withoutSalesforceAccess() {
    return with("hasSalesforceAccess", false);
  }

  VariableMap build() {
    return variables;
  }
}
