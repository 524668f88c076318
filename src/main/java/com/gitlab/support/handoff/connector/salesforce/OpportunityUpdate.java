package com.gitlab.support.handoff.connector.salesforce;

import java.time.LocalDate;

/**
 * R38: fields of the Opportunity linked to an SMB case; null fields are left as they are.
 *
 * @param closeDate the Close Date, never in the past
 * @param stageName e.g. {@code Closed Won} or {@code Closed Lost} when the case closes
 */
public record OpportunityUpdate(LocalDate closeDate, String stageName) {}
