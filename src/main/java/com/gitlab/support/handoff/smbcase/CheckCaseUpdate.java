package com.gitlab.support.handoff.smbcase;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * On completing an advocate's case task: checks the update against the decision table
 * {@code smbCaseUpdateRules} (R23, R25, R28, R30, R33, R38), where a process owner reads and edits the
 * rules. Any refusal throws {@link CaseUpdateRefused}, so nothing is saved and the task stays open with
 * the reasons shown; an accepted update is numbered ({@code caseUpdateNumber}) for the Salesforce sync.
 */
@Component("checkCaseUpdate")
public class CheckCaseUpdate implements TaskListener {

  public static final String DECISION = "smbCaseUpdateRules";

  private final CaseDates dates;

  public CheckCaseUpdate(CaseDates dates) {
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    String nextSteps = text(task, "nextSteps");
    VariableMap facts = Variables.createVariables()
        .putValue("pickingUp", SmbCase.PICK_UP_TASK.equals(task.getTaskDefinitionKey()))
        .putValue("caseStatus", text(task, "caseStatus"))
        .putValue("nextSteps", nextSteps)
        .putValue("nextStepsDate", dates.nextStepsDate(nextSteps))
        .putValue("today", dates.today())
        .putValue("resolutionAction", text(task, "resolutionAction"))
        .putValue("feedback", text(task, "feedback"))
        .putValue("contactId", text(task, "contactId"))
        .putValue("leadId", text(task, "leadId"))
        .putValue("highValueAccount", Boolean.TRUE.equals(task.getVariable("highValueAccount")))
        .putValue("opportunityId", text(task, "opportunityId"))
        .putValue("opportunityCloseDate", dates.dateOf(task.getVariable("opportunityCloseDate")))
        .putValue("opportunityOutcome", text(task, "opportunityOutcome"))
        .putValue("languageBarrier", Boolean.TRUE.equals(task.getVariable("languageBarrier")))
        .putValue("reassignTo", text(task, "reassignTo"))
        .putValue("advocate", text(task, "advocate"));
    DecisionService decisions = task.getProcessEngineServices().getDecisionService();
    // The rules belong to the case, not to the advocate's permissions: evaluated as the engine.
    List<String> refusals = Context.getCommandContext().runWithoutAuthorization(() ->
        decisions.evaluateDecisionTableByKey(DECISION, facts).collectEntries("refusal"));
    if (!refusals.isEmpty()) {
      throw new CaseUpdateRefused(String.valueOf(task.getVariable("caseKey")), refusals);
    }
    Object number = task.getVariable("caseUpdateNumber");
    task.setVariable("caseUpdateNumber", number instanceof Number n ? n.intValue() + 1 : 1);
  }

  /** Form text as the rules read it: blank is absent. */
  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
