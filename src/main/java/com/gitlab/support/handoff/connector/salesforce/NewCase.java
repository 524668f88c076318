package com.gitlab.support.handoff.connector.salesforce;

import com.gitlab.support.handoff.texts.Texts;

/**
 * An SMB Sales Case to create (R12): record type SMB Sales Case, Type and Priority per origin (R20).
 * Subject and Description are shortened to Salesforce's field lengths ({@value #MAX_SUBJECT} and
 * {@value #MAX_DESCRIPTION} characters), since they are composed from texts that may fill them already
 * ("Support ticket 4711: " + a summary, subject + ": " + description).
 *
 * @param contactId the case Contact, when known
 * @param opportunityId the related Opportunity, when known
 */
public record NewCase(
    String accountId,
    String subject,
    String description,
    String type,
    String priority,
    String origin,
    String contactId,
    String opportunityId) {

  /** Case.Subject: Text(255). */
  public static final int MAX_SUBJECT = 255;

  /** Case.Description: Long Text Area(32000). */
  public static final int MAX_DESCRIPTION = 32_000;

  public NewCase {
    subject = Texts.shorten(subject, MAX_SUBJECT);
    description = Texts.shortenKeepingTrailingLink(description, MAX_DESCRIPTION);
  }
}
