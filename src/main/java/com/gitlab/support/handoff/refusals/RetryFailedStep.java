package com.gitlab.support.handoff.refusals;

import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Fixed, retry": gives the refused job one retry, due now. That resolves its incident, and the step
 * runs again on the job executor; the side-effect log makes sure it calls once, as any retry
 * (docs/refusals.md). When the job is gone (its instance ended meanwhile, e.g. the ticket was solved,
 * R40) there is nothing to retry and the resolution ends quietly.
 */
@Component("retryFailedStep")
public class RetryFailedStep implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input FAILED_JOB_ID = INPUTS.required("failedJobId");
  private static final Input INCIDENT_ID = INPUTS.required("incidentId");

  private static final Logger LOG = LoggerFactory.getLogger(RetryFailedStep.class);

  private final ManagementService management;

  public RetryFailedStep(ManagementService management) {
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String jobId = FAILED_JOB_ID.text(execution);
    if (management.createJobQuery().jobId(jobId).count() == 0) {
      LOG.info("Job {} no longer exists (its instance ended): nothing to retry", jobId);
      return;
    }
    RefusalsInFlight.whileResolving(INCIDENT_ID.text(execution),
        () -> management.setJobRetries(1).jobId(jobId).dueDate(ClockUtil.getCurrentTime()).execute());
  }
}
