package com.gitlab.support.handoff.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/smb-cases}: a new SMB Sales Case from email, an SDR, a partner, Sales or billing (R20),
 * or a Renewal Manager's case escalated with #advocate in its subject (R34, origin RENEWAL). Beyond
 * CONTRACT's fields: {@code leadId} (converted before closing, R37), {@code opportunityId} (R38) and
 * {@code hvaAdvocate}, a High Value Account's own advocate (R21).
 */
public record SmbCaseRequest(
    @NotBlank @Size(max = 255, message = HandoffRequest.MAX_CHARACTERS) String subject,
    @Size(max = 32000, message = HandoffRequest.MAX_CHARACTERS) String description,
    @NotBlank @OneOf({"SUPPORT", "EMAIL", "SDR", "PARTNER", "REFERRAL", "AR", "RENEWAL"}) String origin,
    @Size(max = 18, message = HandoffRequest.MAX_CHARACTERS) String accountId,
    @Size(max = 18, message = HandoffRequest.MAX_CHARACTERS) String contactId,
    @OneOf({"AMER", "EMEA_APJ"}) String territory,
    Boolean highValueAccount,
    @Size(max = 18, message = HandoffRequest.MAX_CHARACTERS) String leadId,
    @Size(max = 18, message = HandoffRequest.MAX_CHARACTERS) String opportunityId,
    @Size(max = 64, message = HandoffRequest.MAX_CHARACTERS) String hvaAdvocate) {}
