package com.gitlab.support.handoff.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/smb-cases}: a new SMB Sales Case from email, an SDR, a partner, Sales or billing (R20). */
public record SmbCaseRequest(
    @NotBlank @Size(max = 255) String subject,
    @Size(max = 32000) String description,
    @NotBlank @OneOf({"SUPPORT", "EMAIL", "SDR", "PARTNER", "REFERRAL", "AR"}) String origin,
    @Size(max = 18) String accountId,
    @Size(max = 18) String contactId,
    @OneOf({"AMER", "EMEA_APJ"}) String territory,
    Boolean highValueAccount) {}
