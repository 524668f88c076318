package com.gitlab.support.handoff.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The moments an SLA of the handbook is missed, each a sequence flow of a shipped model that is taken
 * only then. {@link SlaBreachCounter} counts them as {@code handoff.sla.breaches} with the tags
 * {@code sla} and {@code process}; the diagrams stay as they are.
 */
public enum SlaBreach {

  /** R11: 24 business hours without Sales' answer or outreach; the ladder climbs (or stops at the top). */
  SALES_ANSWER_24H("sales-answer-24h", "awaitSalesConfirmation", "noOutreach"),
  /** R13: the SMB Sales User's handoff not picked up in 24 business hours; the SMB team is reminded. */
  SMB_HANDOFF_PICKUP_24H("smb-pickup-24h", "smbSalesUserHandoff", "toLookUpSmbAsm"),
  /** R22: an SMB case not picked up in 24 business hours after routing; the ASM is told. */
  SMB_CASE_PICKUP_24H("smb-pickup-24h", "smbCase", "toChatterAsmPickUp"),
  /** R26: an SMB case open, owned and not exempt after 7 business days: the resolution target missed. */
  SMB_CASE_7D("smb-case-7d", "smbCase", "sevenDaysLimitApplies"),
  /** R26: the same after 15 business days: the limit of an SMB case; the ASM is told. */
  SMB_CASE_15D("smb-case-15d", "smbCase", "fifteenDaysLimitApplies");

  private final String tag;
  private final String processKey;
  private final String flowId;

  SlaBreach(String tag, String processKey, String flowId) {
    this.tag = tag;
    this.processKey = processKey;
    this.flowId = flowId;
  }

  /** The {@code sla} tag. */
  public String tag() {
    return tag;
  }

  public String processKey() {
    return processKey;
  }

  public String flowId() {
    return flowId;
  }

  static Optional<SlaBreach> at(String processKey, String flowId) {
    return Arrays.stream(values()).filter(b -> b.processKey.equals(processKey) && b.flowId.equals(flowId)).findFirst();
  }
}
