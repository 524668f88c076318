package com.gitlab.support.handoff.intake;

import java.util.Arrays;
import java.util.List;

/** The request types of SPEC R2; the decision table {@code passToSales} decides on each. */
public enum RequestType {
  PLAN_UPGRADE,
  UNCLEAR_NEEDS,
  RENEWAL_ASSISTANCE,
  PRODUCT_QUESTION,
  ADD_SEATS_AFTER_RENEWAL,
  SEAT_REDUCTION_AT_RENEWAL,
  DOWNGRADE_TO_FREE,
  ALTERNATIVE_PAYMENT_METHOD,
  PURCHASE_ORDER_OR_QUOTE,
  RESELLER,
  DISCOUNT_REQUEST,
  PRODUCT_TRANSFER,
  DOWNGRADE_PLAN,
  TRUE_UP_WAIVER,
  NEW_BUSINESS_QUOTE,
  RENEWAL_QUOTE;

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
