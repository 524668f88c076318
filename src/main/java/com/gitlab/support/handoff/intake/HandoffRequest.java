package com.gitlab.support.handoff.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/handoffs}: a Zendesk ticket that may need Sales. Only the first four are required.
 * {@code tamReason} (beyond CONTRACT's fields) says why the Technical Account Manager is needed (R17:
 * escalation requested, live upgrade help, training, expectations to manage).
 */
public record HandoffRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a Zendesk ticket id (letters, digits, - or _)")
    String ticketId,
    @NotBlank @EmailAddress String requesterEmail,
    @NotBlank
    @OneOf({"PLAN_UPGRADE", "UNCLEAR_NEEDS", "RENEWAL_ASSISTANCE", "PRODUCT_QUESTION", "ADD_SEATS_AFTER_RENEWAL",
        "SEAT_REDUCTION_AT_RENEWAL", "DOWNGRADE_TO_FREE", "ALTERNATIVE_PAYMENT_METHOD", "PURCHASE_ORDER_OR_QUOTE",
        "RESELLER", "DISCOUNT_REQUEST", "PRODUCT_TRANSFER", "DOWNGRADE_PLAN", "TRUE_UP_WAIVER", "NEW_BUSINESS_QUOTE",
        "RENEWAL_QUOTE"})
    String requestType,
    @NotBlank @Size(max = 4000, message = MAX_CHARACTERS) String summary,
    @Size(max = 64, message = MAX_CHARACTERS) String engineer,
    @OneOf({"normal", "high", "urgent"}) String priority,
    Boolean hasSalesforceAccess,
    @OneOf({"FREE", "STARTER", "BRONZE", "PREMIUM", "SILVER", "ULTIMATE", "GOLD"}) String tier,
    Boolean nearExpiry,
    Boolean newSubscription,
    Boolean inRenewalPeriod,
    @Positive Integer seatsNeeded,
    @Size(max = 500, message = MAX_CHARACTERS) String tamReason) {

  /** How a length limit reads in a 400: "summary: must be at most 4000 characters". */
  static final String MAX_CHARACTERS = "must be at most {max} characters";
}
