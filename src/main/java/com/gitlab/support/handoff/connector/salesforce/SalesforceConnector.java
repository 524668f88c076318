package com.gitlab.support.handoff.connector.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the workflows ask of and do in Salesforce; a real REST client or the sandbox implements it. */
public interface SalesforceConnector {

  /** R4: the Account whose company uses this email domain. */
  Optional<Account> findAccountByEmailDomain(String emailDomain);

  /** A user with its manager, for the org chart (R11). */
  Optional<SalesforceUser> findUser(String userId);

  /** R5: the owner of the account's upcoming renewal opportunity. */
  Optional<SalesforceUser> findRenewalOpportunityOwner(String accountId);

  /** R18: the owner of the account's most recent opportunity, when no Account Owner is listed. */
  Optional<SalesforceUser> findLatestOpportunityOwner(String accountId);

  /** R11: whether the account's Activity shows outreach since the given instant. */
  boolean hasRecentActivity(String accountId, Instant since);

  /** R14: who owns a sales segment in a territory. */
  Optional<SalesforceUser> findTerritoryOwner(String salesSegment, String region);

  /**
   * R13, R22: the Area Sales Manager of an SMB territory ({@code AMER} or {@code EMEA_APJ}); empty when
   * none is known, and the reminder then mentions only @SMB Advocate Team. Salesforce has no standard
   * field for it: the sandbox reads its CRM file's {@code asms}, the REST client
   * {@code handoff.salesforce.smb-asm.*}.
   */
  Optional<SalesforceUser> findSmbTerritoryAsm(String smbTerritory);

  /**
   * R9, R11, R13, R14: a Chatter post with @mentions. {@code effectKey} names the side effect where the
   * system can keep it (the sandbox); Chatter cannot, so {@link #findChatterPost} looks at the feed.
   */
  ChatterPost postChatter(ChatterMessage message, String effectKey);

  /** The post of this message on its subject's feed made since {@code since}, if there is one. */
  Optional<ChatterPost> findChatterPost(ChatterMessage message, String effectKey, Instant since);

  /**
   * R39: every comment on one of our feed elements, oldest first: the feed element's comments
   * capability, read to the last page.
   */
  List<ChatterComment> findComments(String feedElementId);

  /** R39: the user this connector posts as; its own comments are never Sales' answer. */
  String integrationUserId();

  /** R15, R39: a user's email address (to find them in Slack), if Salesforce has one. */
  Optional<String> findUserEmail(String userId);

  /** R12: create an SMB Sales Case, returning its id. */
  String createCase(NewCase newCase, String effectKey);

  /** The id of the case with this subject on this account created since {@code since}, if there is one. */
  Optional<String> findCase(NewCase newCase, String effectKey, Instant since);

  /** How long a call may take before it gives up, a token refresh included. */
  Duration longestCall();

  /** R13, R23: keep the Case's Status and Next Steps in sync. */
  void updateCase(String caseId, CaseUpdate update);

  /**
   * R37: converts the Lead on an SMB case to a Contact under the case's Account (null: Salesforce
   * creates one from the Lead's Company), returning the Contact's id; a Lead already converted gives
   * the Contact it was converted to. A refusal goes to SMB Ops, who fix and retry or convert by hand.
   */
  String convertLead(String leadId, String accountId, String effectKey);

  /** The Contact the Lead was converted to, if it was. */
  Optional<String> findConvertedContact(String leadId, String effectKey);

  /** R38: keeps the Opportunity linked to an SMB case in step with the case (close date, closed stage). */
  void updateOpportunity(String opportunityId, OpportunityUpdate update);
}
