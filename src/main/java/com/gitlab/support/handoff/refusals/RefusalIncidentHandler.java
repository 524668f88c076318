package com.gitlab.support.handoff.refusals;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * The engine's handler for {@code failedJob} incidents, so Cockpit shows them as always, plus: an
 * incident opened because a remote system refused the job's call starts a {@code resolveRefusal}
 * instance, and an incident deleted because its instance went away ends that resolution.
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

  @Override
  public void deleteIncident(IncidentContext context) {
    IncidentEntity incident = Context.getCommandContext().getIncidentManager()
        .findIncidentByConfigurationAndIncidentType(context.getConfiguration(), getIncidentHandlerType())
        .stream().map(IncidentEntity.class::cast).findFirst().orElse(null);
    super.deleteIncident(context);
    if (incident != null) {
      RefusalResolutions.endFor(incident.getId());
    }
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
    Context.getCommandContext().getIncidentManager()
        .findIncidentByConfigurationAndIncidentType(job.getId(), Incident.FAILED_JOB_HANDLER_TYPE)
        .stream().map(IncidentEntity.class::cast).findFirst()
        .ifPresent(incident -> RefusalResolutions.start(incident, refusal));
  }
}
