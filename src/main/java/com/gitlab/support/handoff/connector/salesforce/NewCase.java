package com.gitlab.support.handoff.connector.salesforce;

/**
 * An SMB Sales Case to create (R12): record type SMB Sales Case, Type and Priority per origin (R20).
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
    String opportunityId) {}
