package com.gitlab.support.handoff.smbcase;

import java.util.List;

/** Names of the {@code smbCase} model that Java, filters and integrations share (CONTRACT: process key {@code smbCase}). */
public final class SmbCase {

  public static final String PROCESS_KEY = "smbCase";
  /**
   * The processes a case calls with its own business key (issue #13): routing (R20, R21, R34) and closing
   * (R28, R32, R37, R38). Queries for cases, their advocate and status still use {@link #PROCESS_KEY}.
   */
  public static final String ROUTING_PROCESS_KEY = "routeSmbCase";
  public static final String CLOSING_PROCESS_KEY = "closeSmbCase";
  /**
   * Issue #13: each question (R35) and each email (R36) is worked in a process of its own, called from the
   * case's event sub-processes with the case's business key; their tasks are answerQuestion and readCustomerEmail.
   */
  /**
   * Issue #13: the contact attempts (R24, R27) run in a process the case calls, with the task
   * {@link #ATTEMPTING_CONTACT_TASK}; task queries for the case's work look in both ({@link #WORK_PROCESS_KEYS}).
   */
  public static final String ATTEMPT_CONTACT_PROCESS_KEY = "attemptSmbCaseContact";
  public static final List<String> WORK_PROCESS_KEYS = List.of(PROCESS_KEY, ATTEMPT_CONTACT_PROCESS_KEY);
  public static final String QUESTION_PROCESS_KEY = "answerSmbCaseQuestion";
  public static final String EMAIL_PROCESS_KEY = "readSmbCaseEmail";

  /** The advocate's task in each phase of a case: picking it up, attempting contact, working it (R22–R29). */
  public static final String PICK_UP_TASK = "pickUpCase";
  public static final String ATTEMPTING_CONTACT_TASK = "workCaseAttemptingContact";
  public static final String WORK_TASK = "workCase";
  public static final List<String> WORK_TASKS = List.of(PICK_UP_TASK, ATTEMPTING_CONTACT_TASK, WORK_TASK);

  /**
   * Messages other systems correlate by the case's business key (R34–R36), and the one the case sends (R13).
   * Each is caught in one process only (subject changed and closed in Salesforce in {@link #ROUTING_PROCESS_KEY},
   * question and email in {@link #PROCESS_KEY}), so the key and the name find exactly one instance.
   */
  public static final String QUESTION_MESSAGE = "SmbCaseQuestion";
  public static final String EMAIL_MESSAGE = "SmbCaseEmail";
  public static final String SUBJECT_CHANGED_MESSAGE = "SmbCaseSubjectChanged";
  public static final String CLOSED_IN_SALESFORCE_MESSAGE = "SmbCaseClosedInSalesforce";
  public static final String PICKED_UP_MESSAGE = "SmbCasePickedUp";

  private SmbCase() {}
}
