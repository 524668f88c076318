package com.gitlab.support.handoff.refusals;

import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * The engine's handler for {@code failedJob} incidents, so Cockpit shows them as always, plus: an
 * incident opened because a remote system refused the job's call starts a {@code resolveRefusal}
 * instance; an incident resolved or deleted by anything but that resolution (a retry from Cockpit, the
 * instance cancelled or ended, e.g. the ticket solved, R40) ends the resolution and its task.
 */
public class RefusalIncidentHandler extends DefaultIncidentHandler {

  public RefusalIncidentHandler() {
    super(Incident.FAILED_JOB_HANDLER_TYPE);
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    Incident incident = super.handleIncident(context, message);
    RefusalsInFlight.refusalOf(context.getConfiguration())
        .ifPresent(refusal -> RefusalResolutions.start((IncidentEntity) incident, refusal));
    return incident;
  }

  /** Retried from Cockpit (retries set above 0) rather than from the task: the task has nothing left to do. */
  @Override
  public void resolveIncident(IncidentContext context) {
    Optional<IncidentEntity> incident = failedJobIncidentOf(context.getConfiguration());
    super.resolveIncident(context);
    incident.ifPresent(resolved -> RefusalResolutions.endFor(resolved.getId()));
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    Optional<IncidentEntity> incident = failedJobIncidentOf(context.getConfiguration());
    super.deleteIncident(context);
    incident.ifPresent(deleted -> RefusalResolutions.endFor(deleted.getId()));
  }

  /**
   * Turns a refused job into an incident with its resolution at once: its retries go to 0, which opens
   * the incident (with the job's exception message, the system's reason) through this handler. When
   * the engine had already counted the retries down to 0 and opened the incident itself, before the
   * refusal was known (a retry after "fixed" that is refused again), the resolution starts here.
   */
  public static void refused(JobEntity job, Refusal refusal) {
    if (job.getRetries() > 0) {
      RefusalsInFlight.whileRefused(job.getId(), refusal, () -> job.setRetries(0));
      return;
    }
    failedJobIncidentOf(job.getId()).ifPresent(incident -> RefusalResolutions.start(incident, refusal));
  }

  /** The job's failedJob incident: opened in this command (not yet in the database) or earlier. */
  private static Optional<IncidentEntity> failedJobIncidentOf(String jobId) {
    CommandContext command = Context.getCommandContext();
    Optional<IncidentEntity> justOpened = command.getDbEntityManager().getCachedEntitiesByType(IncidentEntity.class)
        .stream()
        .filter(incident -> jobId.equals(incident.getConfiguration())
            && Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()))
        .findFirst();
    return justOpened.isPresent() ? justOpened : command.getIncidentManager()
        .findIncidentByConfigurationAndIncidentType(jobId, Incident.FAILED_JOB_HANDLER_TYPE)
        .stream().map(IncidentEntity.class::cast).findFirst();
  }
}
