package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.SalesforceProperties;
import com.gitlab.support.handoff.connector.sandbox.SandboxCrm;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R12, R13: the Chatter group mentioned as @SMB Advocate Team, for the models
 * ({@code ${smbAdvocateTeam.groupId()}}): {@code handoff.salesforce.smb-advocate-team-group-id}, or in
 * the sandbox the CRM file's group of that name.
 */
@Component("smbAdvocateTeam")
public class SmbAdvocateTeam {

  static final String GROUP_NAME = "SMB Advocate Team";

  private final SalesforceProperties salesforce;
  private final ObjectProvider<SandboxCrm> sandboxCrm;

  public SmbAdvocateTeam(SalesforceProperties salesforce, ObjectProvider<SandboxCrm> sandboxCrm) {
    this.salesforce = salesforce;
    this.sandboxCrm = sandboxCrm;
  }

  public String groupId() {
    String configured = salesforce.smbAdvocateTeamGroupId();
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    Optional<SandboxCrm> crm = salesforce.isSandbox() ? Optional.ofNullable(sandboxCrm.getIfAvailable()) : Optional.empty();
    return crm.flatMap(sandbox -> sandbox.groupNamed(GROUP_NAME))
        .map(SandboxCrm.Group::id)
        .orElseThrow(() -> new IllegalStateException("No Chatter group for @" + GROUP_NAME
            + ": set handoff.salesforce.smb-advocate-team-group-id to its id, then retry the job"));
  }
}
