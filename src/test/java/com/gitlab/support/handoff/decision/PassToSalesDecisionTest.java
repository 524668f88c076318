package com.gitlab.support.handoff.decision;

import static com.gitlab.support.handoff.decision.DecisionTableTester.allCombinations;
import static com.gitlab.support.handoff.decision.DecisionTableTester.decision;
import static com.gitlab.support.handoff.decision.DecisionTableTester.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.decision.DecisionTableTester.Decided;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC R2 (and the R19 wording): the decision table {@code passToSales}, row by row. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/passToSales.dmn")
class PassToSalesDecisionTest {

  static final List<String> REQUEST_TYPES = List.of("PLAN_UPGRADE", "UNCLEAR_NEEDS", "RENEWAL_ASSISTANCE",
      "PRODUCT_QUESTION", "ADD_SEATS_AFTER_RENEWAL", "SEAT_REDUCTION_AT_RENEWAL", "DOWNGRADE_TO_FREE",
      "ALTERNATIVE_PAYMENT_METHOD", "PURCHASE_ORDER_OR_QUOTE", "RESELLER", "DISCOUNT_REQUEST", "PRODUCT_TRANSFER",
      "DOWNGRADE_PLAN", "TRUE_UP_WAIVER", "NEW_BUSINESS_QUOTE", "RENEWAL_QUOTE");
  static final List<String> TIERS_OR_UNKNOWN =
      Arrays.asList("FREE", "STARTER", "BRONZE", "PREMIUM", "SILVER", "ULTIMATE", "GOLD", null);
  static final List<Boolean> YES_NO_UNKNOWN = Arrays.asList(true, false, null);

  static final String PASS_MACRO = "Pass to Sales";
  static final String CLARIFY_MACRO = "Clarify customer needs";

  ProcessEngine processEngine;
  DecisionTableTester passToSales;

  @BeforeEach
  void lookUpDecision() {
    passToSales = decision(processEngine, "passToSales");
  }

  /** A ticket's facts; everything not given is unknown (null). */
  record Request(String requestType, String tier, Boolean nearExpiry, Boolean newSubscription,
      Boolean inRenewalPeriod) {

    static Request of(String requestType) {
      return new Request(requestType, null, null, null, null);
    }

    Request tier(String tier) {
      return new Request(requestType, tier, nearExpiry, newSubscription, inRenewalPeriod);
    }

    Request nearExpiry(Boolean value) {
      return new Request(requestType, tier, value, newSubscription, inRenewalPeriod);
    }

    Request newSubscription(Boolean value) {
      return new Request(requestType, tier, nearExpiry, value, inRenewalPeriod);
    }

    Request inRenewalPeriod(Boolean value) {
      return new Request(requestType, tier, nearExpiry, newSubscription, value);
    }

    VariableMap variables() {
      return inputs("requestType", requestType, "tier", tier, "nearExpiry", nearExpiry,
          "newSubscription", newSubscription, "inRenewalPeriod", inRenewalPeriod);
    }
  }

  /** One row of SPEC R2 (or one split of a conditional row) and what the engineer must be told. */
  record Row(String says, Request request, String outcome, String macro, String rule, List<String> guidanceSays) {

    @Override
    public String toString() {
      return says;
    }
  }

  static Row row(String says, Request request, String outcome, String macro, String rule, String... guidanceSays) {
    return new Row(says, request, outcome, macro, rule, List.of(guidanceSays));
  }

  static Stream<Row> specR2Rows() {
    return Stream.of(
        row("PLAN_UPGRADE is not passed: point to the upgrade button", Request.of("PLAN_UPGRADE"),
            "DONT_PASS", "Upgrade in the Customer Portal", "planUpgrade",
            "upgrade button", "Customer Portal", "SaaS and Self-Managed"),
        row("UNCLEAR_NEEDS is not passed yet: clarify the requirements, then decide again (R3)",
            Request.of("UNCLEAR_NEEDS"), "CLARIFY", CLARIFY_MACRO, "unclearNeeds",
            "clarify the customer's requirements", "request type", "decision then runs again"),
        row("RENEWAL_ASSISTANCE is not passed: assist with the renewal inquiry", Request.of("RENEWAL_ASSISTANCE"),
            "DONT_PASS", "Renewal assistance", "renewalAssistance", "not heard back from Sales", "renewal inquiry"),
        row("PRODUCT_QUESTION is not passed: answer or route to the right Support queue",
            Request.of("PRODUCT_QUESTION"), "DONT_PASS", "Product or process question", "productQuestion",
            "answer", "right Support queue"),
        row("ADD_SEATS_AFTER_RENEWAL is not passed: point to the Add more seats button",
            Request.of("ADD_SEATS_AFTER_RENEWAL"), "DONT_PASS", "Add more seats in the Customer Portal",
            "addSeatsAfterRenewal", "'Add more seats' button", "Customer Portal"),
        row("SEAT_REDUCTION_AT_RENEWAL is not passed: turn off automatic renewal, renew manually with fewer seats",
            Request.of("SEAT_REDUCTION_AT_RENEWAL"), "DONT_PASS", "Seat reduction at renewal",
            "seatReductionAtRenewal", "turn off automatic renewal", "renew manually", "smaller number of seats"),
        row("DOWNGRADE_TO_FREE is not passed: follow the downgrading to a free plan workflow",
            Request.of("DOWNGRADE_TO_FREE"), "DONT_PASS", "Downgrading to a free plan", "downgradeToFree",
            "'Downgrading to a free plan' workflow"),
        row("ALTERNATIVE_PAYMENT_METHOD is passed: confirm wire, ACH or check first",
            Request.of("ALTERNATIVE_PAYMENT_METHOD"), "PASS", PASS_MACRO, "alternativePaymentMethod",
            "confirm which payment method", "wire, ACH or check", "Chatter Sales"),
        row("PURCHASE_ORDER_OR_QUOTE is passed: find the opportunity or subscription first",
            Request.of("PURCHASE_ORDER_OR_QUOTE"), "PASS", PASS_MACRO, "purchaseOrderOrQuote",
            "existing opportunity", "subscription if this is a renewal"),
        row("RESELLER is passed: end user and reseller from Zuora go into the Chatter message",
            Request.of("RESELLER"), "PASS", PASS_MACRO, "reseller",
            "end user and the reseller in Zuora", "names both the reseller and the end user"),
        row("DISCOUNT_REQUEST above Starter/Bronze is passed, never promising a discount",
            Request.of("DISCOUNT_REQUEST").tier("PREMIUM"), "PASS", PASS_MACRO, "discountAboveStarter",
            "not guaranteed", "discretion of the relevant approvers"),
        row("DISCOUNT_REQUEST at Starter/Bronze is not passed: no discount is available",
            Request.of("DISCOUNT_REQUEST").tier("STARTER"), "DONT_PASS", "Discount not available",
            "discountStarterOrBelow", "not above the Starter/Bronze tier", "discount is not available",
            "Never promise a discount"),
        row("DISCOUNT_REQUEST without a tier needs the tier first",
            Request.of("DISCOUNT_REQUEST"), "CLARIFY", CLARIFY_MACRO, "discountTierUnknown",
            "subscription tier is missing", "decide again"),
        row("PRODUCT_TRANSFER near expiry is not passed: let it expire and buy new",
            Request.of("PRODUCT_TRANSFER").nearExpiry(true).newSubscription(false), "DONT_PASS",
            "Product transfer: let it expire and buy new", "transferNearExpiry", "let it expire", "purchase"),
        row("PRODUCT_TRANSFER of a new subscription is not passed: explore a refund",
            Request.of("PRODUCT_TRANSFER").nearExpiry(false).newSubscription(true), "DONT_PASS",
            "Product transfer: refund", "transferNewSubscription", "refunded"),
        row("PRODUCT_TRANSFER neither near expiry nor new is passed with the seat count",
            Request.of("PRODUCT_TRANSFER").nearExpiry(false).newSubscription(false), "PASS", PASS_MACRO,
            "transferToSales", "number of seats needed", "transfer quote"),
        row("PRODUCT_TRANSFER near expiry and new: near expiry is checked first",
            Request.of("PRODUCT_TRANSFER").nearExpiry(true).newSubscription(true), "DONT_PASS",
            "Product transfer: let it expire and buy new", "transferNearExpiry", "let it expire"),
        row("PRODUCT_TRANSFER with neither fact known needs both",
            Request.of("PRODUCT_TRANSFER"), "CLARIFY", CLARIFY_MACRO, "transferExpiryAndNewUnknown",
            "near expiry", "new subscription"),
        row("PRODUCT_TRANSFER with near expiry unknown needs it",
            Request.of("PRODUCT_TRANSFER").newSubscription(true), "CLARIFY", CLARIFY_MACRO, "transferExpiryUnknown",
            "near expiry (its end date)"),
        row("PRODUCT_TRANSFER not near expiry, new unknown, needs whether it is new",
            Request.of("PRODUCT_TRANSFER").nearExpiry(false), "CLARIFY", CLARIFY_MACRO, "transferNewUnknown",
            "new subscription (its start date)"),
        row("DOWNGRADE_PLAN inside the renewal period is not passed: the change is made at renewal",
            Request.of("DOWNGRADE_PLAN").inRenewalPeriod(true), "DONT_PASS", "Downgrade at renewal",
            "downgradeInRenewalPeriod", "inside their renewal period", "at renewal"),
        row("DOWNGRADE_PLAN outside the renewal period is passed with current plan, desired plan, reason",
            Request.of("DOWNGRADE_PLAN").inRenewalPeriod(false), "PASS", PASS_MACRO, "downgradeToSales",
            "current plan", "desired plan", "reason", "1-2 business days"),
        row("DOWNGRADE_PLAN without the renewal period needs it first",
            Request.of("DOWNGRADE_PLAN"), "CLARIFY", CLARIFY_MACRO, "downgradeRenewalPeriodUnknown",
            "inside their renewal period"),
        row("TRUE_UP_WAIVER is passed: Sales decides", Request.of("TRUE_UP_WAIVER"), "PASS", PASS_MACRO,
            "trueUpWaiver", "only Sales decides"),
        row("NEW_BUSINESS_QUOTE is passed; no account in SFDC means the New Sales Quote macro (R4)",
            Request.of("NEW_BUSINESS_QUOTE"), "PASS", PASS_MACRO, "newBusinessQuote",
            "email domain", "New Sales Quote macro"),
        row("RENEWAL_QUOTE is passed to the renewal opportunity's owner (R5)",
            Request.of("RENEWAL_QUOTE"), "PASS", PASS_MACRO, "renewalQuote",
            "owner of the upcoming renewal opportunity", "SFDC Admin", "Sales Segment"));
  }

  @ParameterizedTest(name = "R2 {0}")
  @MethodSource("specR2Rows")
  @DisplayName("R2 each row of the pass / don't-pass table")
  void decidesEachRowOfSpecR2(Row row) {
    Decided decided = passToSales.decide(row.request().variables());

    assertThat(decided.ruleId()).as("rule").isEqualTo(row.rule());
    assertThat(decided.text("outcome")).as("outcome").isEqualTo(row.outcome());
    assertThat(decided.text("macro")).as("macro").isEqualTo(row.macro());
    assertThat(decided.text("guidance")).as("guidance").contains(row.guidanceSays());
  }

  @Test
  @DisplayName("R2 the rows above cover every request type and every rule of the table")
  void rowsCoverEveryRequestTypeAndRule() {
    assertThat(specR2Rows().map(row -> row.request().requestType()).distinct())
        .containsExactlyInAnyOrderElementsOf(REQUEST_TYPES);
    assertThat(specR2Rows().map(Row::rule).distinct()).containsExactlyInAnyOrderElementsOf(passToSales.ruleIds());
  }

  @ParameterizedTest(name = "R2 DISCOUNT_REQUEST at {0}: {1}")
  @CsvSource({
      "FREE, DONT_PASS", "STARTER, DONT_PASS", "BRONZE, DONT_PASS",
      "PREMIUM, PASS", "SILVER, PASS", "ULTIMATE, PASS", "GOLD, PASS"})
  @DisplayName("R2 DISCOUNT_REQUEST is passed only above Starter/Bronze")
  void discountOnlyAboveStarterOrBronze(String tier, String outcome) {
    Decided decided = passToSales.decide(Request.of("DISCOUNT_REQUEST").tier(tier).variables());

    assertThat(decided.text("outcome")).isEqualTo(outcome);
  }

  @Test
  @DisplayName("R19 TRUE_UP_WAIVER guidance says what Support may and may not do and promises no waiver")
  void trueUpWaiverGuidance() {
    String guidance = passToSales.decide(Request.of("TRUE_UP_WAIVER").variables()).text("guidance");

    assertThat(guidance)
        .contains("never set expectations of a waiver")
        .contains("Support may: show whether an overage occurred", "generate the license the subscription allows",
            "temporary license until the waiver request is resolved")
        .contains("Support may not: explain why the overage occurred", "analyse it", "decide the waiver");
    assertThat(guidance.toLowerCase()).doesNotContain("will be waived", "we can waive", "waiver is granted");
  }

  /** Each of the 16 request types with each tier (or none) and each fact true, false or unknown. */
  static List<VariableMap> everyValidRequest() {
    Map<String, List<?>> values = new LinkedHashMap<>();
    values.put("requestType", REQUEST_TYPES);
    values.put("tier", TIERS_OR_UNKNOWN);
    values.put("nearExpiry", YES_NO_UNKNOWN);
    values.put("newSubscription", YES_NO_UNKNOWN);
    values.put("inRenewalPeriod", YES_NO_UNKNOWN);
    return allCombinations(values);
  }

  @Test
  @DisplayName("R2 every request type, tier and yes/no/unknown fact is decided by exactly one rule")
  void everyValidCombinationMatchesExactlyOneRule() {
    List<VariableMap> combinations = everyValidRequest();

    assertThat(passToSales.hitPolicy()).as("overlapping rules are rejected").isEqualTo(HitPolicy.UNIQUE);
    assertThat(combinations).hasSize(16 * 8 * 27);
    assertThat(passToSales.notDecidedByExactlyOneRule(combinations)).isEmpty();
  }

  @Test
  @DisplayName("R2 the Pass to Sales macro goes with PASS and only with PASS; every outcome has guidance")
  void passToSalesMacroOnlyWhenPassing() {
    for (VariableMap request : everyValidRequest()) {
      Map<String, Object> decided = passToSales.evaluate(request).getSingleResult().getEntryMap();

      assertThat(decided.get("outcome")).as("outcome for %s", request).isIn("PASS", "DONT_PASS", "CLARIFY");
      assertThat(PASS_MACRO.equals(decided.get("macro"))).as("macro for %s", request)
          .isEqualTo("PASS".equals(decided.get("outcome")));
      assertThat((String) decided.get("guidance")).as("guidance for %s", request).isNotBlank();
    }
  }

  @ParameterizedTest(name = "R2 request type {0} matches no rule")
  @CsvSource(value = {"SOMETHING_ELSE", "plan_upgrade", "''", "NULL"}, nullValues = "NULL")
  @DisplayName("R2 an unknown request type matches no rule (the process turns that into an error)")
  void unknownRequestTypeMatchesNoRule(String requestType) {
    assertThat(passToSales.evaluate(Request.of(requestType).tier("PREMIUM").nearExpiry(false)
        .newSubscription(false).inRenewalPeriod(false).variables())).isEmpty();
  }
}
