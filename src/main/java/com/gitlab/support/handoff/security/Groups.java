package com.gitlab.support.handoff.security;

import java.util.List;

/** The groups of CONTRACT; Tasklist candidate groups in the models use the same ids. */
public final class Groups {

  public static final String SUPPORT_ENGINEERS = "support-engineers";
  public static final String SMB_ADVOCATES_AMER = "smb-advocates-amer";
  public static final String SMB_ADVOCATES_EMEA_APJ = "smb-advocates-emea-apj";
  public static final String SMB_OPS = "smb-ops";
  public static final String PROCESS_OWNERS = "process-owners";
  /**
   * The engine's administrators' group ({@code camunda-admin}), from the engine's constant: the Operaton
   * migration recipe rewrites the constant, not a string (docs/operations.md, "Migration path").
   */
  public static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /**
   * Who runs the application: the operators, who read {@code /actuator/**} beyond the health probes
   * (metrics, Prometheus). The administrators' group, as CONTRACT gives no operators' group of its own:
   * {@code demo} in the demo profile, {@code HANDOFF_ADMIN_USER} in production.
   */
  public static final String OPERATORS = CAMUNDA_ADMIN;

  /** The groups that work tasks in Tasklist. */
  public static final List<String> WORKERS =
      List.of(SUPPORT_ENGINEERS, SMB_ADVOCATES_AMER, SMB_ADVOCATES_EMEA_APJ, SMB_OPS);

  private Groups() {}
}
