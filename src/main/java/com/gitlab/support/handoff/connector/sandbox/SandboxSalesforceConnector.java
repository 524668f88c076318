package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.salesforce.Account;
import com.gitlab.support.handoff.connector.salesforce.CaseUpdate;
import com.gitlab.support.handoff.connector.salesforce.ChatterComment;
import com.gitlab.support.handoff.connector.salesforce.ChatterMessage;
import com.gitlab.support.handoff.connector.salesforce.ChatterPost;
import com.gitlab.support.handoff.connector.salesforce.NewCase;
import com.gitlab.support.handoff.connector.salesforce.OpportunityUpdate;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Answers look-ups from the sandbox CRM file and records Chatter posts and cases in the outbox. */
public class SandboxSalesforceConnector implements SalesforceConnector {

  /** The user the sandbox posts as: its comments on its own posts are not Sales' answer (R39). */
  public static final String INTEGRATION_USER_ID = "005INTEGRATION";

  private final SandboxCrm crm;
  private final Outbox outbox;
  private final SandboxReplies replies;

  public SandboxSalesforceConnector(SandboxCrm crm, Outbox outbox, SandboxReplies replies) {
    this.crm = crm;
    this.outbox = outbox;
    this.replies = replies;
  }

  @Override
  public Optional<Account> findAccountByEmailDomain(String emailDomain) {
    return crm.accountByDomain(emailDomain).map(a -> new Account(
        a.id(), a.name(), a.ownerId(), nameOf(a.ownerId()), a.employees(), a.billingCountry(), a.carr(),
        a.salesSegment(), a.tamId(), nameOf(a.tamId()),
        a.tamId() == null ? null : crm.user(a.tamId()).map(SandboxCrm.User::email).orElse(null)));
  }

  @Override
  public Optional<SalesforceUser> findUser(String userId) {
    return crm.user(userId).map(u -> new SalesforceUser(u.id(), u.name(), u.managerId(), u.region()));
  }

  @Override
  public Optional<SalesforceUser> findRenewalOpportunityOwner(String accountId) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    return crm.opportunities().stream()
        .filter(o -> o.accountId().equals(accountId) && "RENEWAL".equalsIgnoreCase(o.type()))
        .filter(o -> o.closeDate() == null || !o.closeDate().isBefore(today))
        .min(Comparator.comparing(o -> o.closeDate() == null ? LocalDate.MAX : o.closeDate()))
        .flatMap(o -> findUser(o.ownerId()));
  }

  /** The sandbox has no creation dates: the opportunity listed last in the CRM file is the latest. */
  @Override
  public Optional<SalesforceUser> findLatestOpportunityOwner(String accountId) {
    return crm.opportunities().stream()
        .filter(o -> o.accountId().equals(accountId))
        .reduce((earlier, later) -> later)
        .flatMap(o -> findUser(o.ownerId()));
  }

  @Override
  public boolean hasRecentActivity(String accountId, Instant since) {
    LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
    return crm.activities().stream()
        .anyMatch(a -> a.accountId().equals(accountId) && a.date() != null && !a.date().isBefore(sinceDay));
  }

  @Override
  public Optional<SalesforceUser> findTerritoryOwner(String salesSegment, String region) {
    return crm.territories().stream()
        .filter(t -> t.segment().equalsIgnoreCase(salesSegment) && t.region().equalsIgnoreCase(region))
        .findFirst()
        .flatMap(t -> findUser(t.ownerId()));
  }

  @Override
  public Optional<SalesforceUser> findSmbTerritoryAsm(String smbTerritory) {
    return crm.asms().stream()
        .filter(asm -> asm.territory().equalsIgnoreCase(smbTerritory))
        .findFirst()
        .flatMap(asm -> findUser(asm.userId()));
  }

  @Override
  public ChatterPost postChatter(ChatterMessage message, String effectKey) {
    String id = "0D5SB" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
    String mentions = message.mentionIds().stream()
        .map(mentionId -> "@" + Objects.requireNonNullElse(nameOf(mentionId), mentionId))
        .collect(Collectors.joining(" "));
    outbox.record(ExternalSystem.SALESFORCE, "CHATTER_POST", String.join(",", message.mentionIds()),
        (mentions.isEmpty() ? "" : mentions + " ") + message.text(), effectKey, id);
    return postOf(id);
  }

  @Override
  public Optional<ChatterPost> findChatterPost(ChatterMessage message, String effectKey, Instant since) {
    return outbox.find(effectKey).map(SandboxSalesforceConnector::postOf);
  }

  private static ChatterPost postOf(String id) {
    return new ChatterPost(id, "/api/outbox#" + id);
  }

  @Override
  public List<ChatterComment> findComments(String feedElementId) {
    return replies.on(ExternalSystem.SALESFORCE, feedElementId).stream()
        .map(reply -> new ChatterComment("0D7SB" + reply.id(), reply.authorId(), reply.authorName(), reply.text(),
            reply.at()))
        .toList();
  }

  @Override
  public String integrationUserId() {
    return INTEGRATION_USER_ID;
  }

  @Override
  public Optional<String> findUserEmail(String userId) {
    return crm.user(userId).map(SandboxCrm.User::email);
  }

  @Override
  public String createCase(NewCase newCase, String effectKey) {
    String id = "500SB" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
    outbox.record(ExternalSystem.SALESFORCE, "CASE_CREATE", id,
        "SMB Sales Case [" + newCase.type() + ", " + newCase.priority() + "] " + newCase.subject()
            + "\n" + newCase.description(), effectKey, id);
    return id;
  }

  @Override
  public Optional<String> findCase(NewCase newCase, String effectKey, Instant since) {
    return outbox.find(effectKey);
  }

  @Override
  public Duration longestCall() {
    return Outbox.LONGEST_CALL;
  }

  @Override
  public void updateCase(String caseId, CaseUpdate update) {
    outbox.record(ExternalSystem.SALESFORCE, "CASE_UPDATE", caseId, describe(update), null, null);
  }

  @Override
  public String convertLead(String leadId, String accountId, String effectKey) {
    String contactId = "003SB" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
    outbox.record(ExternalSystem.SALESFORCE, "LEAD_CONVERT", leadId,
        "Lead " + leadId + " converted to Contact " + contactId + (accountId == null ? "" : " under Account " + accountId),
        effectKey, contactId);
    return contactId;
  }

  @Override
  public Optional<String> findConvertedContact(String leadId, String effectKey) {
    return outbox.find(effectKey);
  }

  @Override
  public void updateOpportunity(String opportunityId, OpportunityUpdate update) {
    StringBuilder text = new StringBuilder();
    append(text, "Close Date", update.closeDate());
    append(text, "Stage", update.stageName());
    outbox.record(ExternalSystem.SALESFORCE, "OPPORTUNITY_UPDATE", opportunityId, text.toString(), null, null);
  }

  private static String describe(CaseUpdate update) {
    StringBuilder text = new StringBuilder();
    append(text, "Status", update.status());
    append(text, "Next Steps", update.nextSteps());
    append(text, "Owner", update.ownerId());
    append(text, "Resolution Action", update.resolutionAction());
    append(text, "Feedback", update.feedback());
    return text.toString();
  }

  static void append(StringBuilder text, String label, Object value) {
    if (value != null) {
      text.append(text.isEmpty() ? "" : "; ").append(label).append(": ").append(value);
    }
  }

  private String nameOf(String userOrGroupId) {
    if (userOrGroupId == null) {
      return null;
    }
    return crm.user(userOrGroupId).map(SandboxCrm.User::name)
        .or(() -> crm.groups().stream().filter(g -> g.id().equals(userOrGroupId)).map(SandboxCrm.Group::name).findFirst())
        .orElse(null);
  }
}
