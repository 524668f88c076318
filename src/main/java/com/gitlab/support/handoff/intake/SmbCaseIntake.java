package com.gitlab.support.handoff.intake;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Starts {@code smbCase} for a case that arrives from outside Support (R20); its business key is the case
 * reference {@code SMB-XXXXXXXX} (also {@code caseKey}), which messages to the case correlate with.
 */
@Service
public class SmbCaseIntake {

  public static final String PROCESS_KEY = "smbCase";

  private final RuntimeService runtime;

  public SmbCaseIntake(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public IntakeResult open(SmbCaseRequest request, String requestedBy) {
    String caseKey = "SMB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String instanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, caseKey, Variables.createVariables()
            .putValue("caseKey", caseKey)
            .putValue("subject", request.subject())
            .putValue("description", request.description())
            .putValue("origin", request.origin())
            .putValue("accountId", request.accountId())
            .putValue("contactId", request.contactId())
            .putValue("territory", request.territory())
            .putValue("highValueAccount", Boolean.TRUE.equals(request.highValueAccount()))
            .putValue("leadId", request.leadId())
            .putValue("opportunityId", request.opportunityId())
            .putValue("hvaAdvocate", request.hvaAdvocate())
            .putValue("requestedBy", requestedBy))
        .getId();
    return IntakeResult.started(instanceId, caseKey);
  }
}
