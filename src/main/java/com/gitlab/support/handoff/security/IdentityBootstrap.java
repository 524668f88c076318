package com.gitlab.support.handoff.security;

import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import com.gitlab.support.handoff.smbcase.SmbCase;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Creates CONTRACT's groups with their grants, the demo users when the demo profile is on, and the
 * first administrator; refuses to start when nobody could administer the application.
 */
@Component
public class IdentityBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final AdminProperties admin;
  private final ObjectProvider<DemoIdentities> demo;

  public IdentityBootstrap(AdminProperties admin, ObjectProvider<DemoIdentities> demo) {
    this.admin = admin;
    this.demo = demo;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    createGroups(identity);
    grantGroups(new Grants(engine.getAuthorizationService()));
    demo.ifAvailable(users -> users.create(identity));
    if (admin.isGiven()) {
      ensureAdmin(identity);
    } else if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException("No administrator: set HANDOFF_ADMIN_USER and HANDOFF_ADMIN_PASSWORD "
          + "for the first start (or run with the 'demo' profile for the demo users)");
    }
  }

  private static void createGroups(IdentityService identity) {
    group(identity, Groups.SUPPORT_ENGINEERS, "Support engineers", GROUP_TYPE_WORKFLOW);
    group(identity, Groups.SMB_ADVOCATES_AMER, "SMB Advocates AMER", GROUP_TYPE_WORKFLOW);
    group(identity, Groups.SMB_ADVOCATES_EMEA_APJ, "SMB Advocates EMEA+APJ", GROUP_TYPE_WORKFLOW);
    group(identity, Groups.SMB_OPS, "SMB Ops", GROUP_TYPE_WORKFLOW);
    group(identity, Groups.PROCESS_OWNERS, "Process owners", GROUP_TYPE_WORKFLOW);
    group(identity, Groups.CAMUNDA_ADMIN, "Camunda administrators", GROUP_TYPE_SYSTEM);
  }

  private static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /**
   * Tasks themselves need no grant: candidate groups and assignees get theirs from the engine. Filters
   * are granted one by one to the groups they are for ({@link AllTasksFilterGrants}, the R16 and SMB
   * filters): a wildcard READ, which earlier versions granted, would show every worker every filter.
   */
  private static void grantGroups(Grants grants) {
    for (Resources resource : Resources.values()) {
      grants.grant(Groups.CAMUNDA_ADMIN, resource, "*", ALL);
    }
    for (String worker : Groups.WORKERS) {
      grants.grant(worker, APPLICATION, "tasklist", ACCESS);
      grants.revoke(worker, FILTER, "*");
      grants.grant(worker, PROCESS_INSTANCE, "*", CREATE);
    }
    grants.grant(Groups.SUPPORT_ENGINEERS, PROCESS_DEFINITION, "salesHandoff", READ, CREATE_INSTANCE);
    grants.grant(Groups.SUPPORT_ENGINEERS, PROCESS_DEFINITION, "addCustomerToOrganization", READ, CREATE_INSTANCE);
    // The workflows the handoff calls: engineers see their diagrams next to their tasks in Tasklist.
    for (String calledByTheHandoff : List.of("namedAccountOwnerHandoff", "smbSalesUserHandoff",
        "otherAccountOwnerHandoff", "awaitSalesConfirmation", "dailySalesReview")) {
      grants.grant(Groups.SUPPORT_ENGINEERS, PROCESS_DEFINITION, calledByTheHandoff, READ);
    }
    for (String advocates : List.of(Groups.SMB_ADVOCATES_AMER, Groups.SMB_ADVOCATES_EMEA_APJ, Groups.SMB_OPS)) {
      grants.grant(advocates, PROCESS_DEFINITION, SmbCase.PROCESS_KEY, READ, CREATE_INSTANCE);
      // The case's routing and closing hold SMB Ops' triage and fix-up tasks: their diagrams show in Tasklist.
      grants.grant(advocates, PROCESS_DEFINITION, SmbCase.ROUTING_PROCESS_KEY, READ);
      grants.grant(advocates, PROCESS_DEFINITION, SmbCase.CLOSING_PROCESS_KEY, READ);
      // Contact attempts (R24, R27), questions (R35) and emails (R36) run in processes of their own (issue #13).
      grants.grant(advocates, PROCESS_DEFINITION, SmbCase.ATTEMPT_CONTACT_PROCESS_KEY, READ);
      grants.grant(advocates, PROCESS_DEFINITION, SmbCase.QUESTION_PROCESS_KEY, READ);
      grants.grant(advocates, PROCESS_DEFINITION, SmbCase.EMAIL_PROCESS_KEY, READ);
    }
    // A case Transferred To Support (R32) reaches the engineers in the case's closing.
    grants.grant(Groups.SUPPORT_ENGINEERS, PROCESS_DEFINITION, SmbCase.CLOSING_PROCESS_KEY, READ);
    // Process owners read everything in Cockpit and change nothing.
    grants.grant(Groups.PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS);
    grants.grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    grants.grant(Groups.PROCESS_OWNERS, PROCESS_INSTANCE, "*", READ);
    grants.grant(Groups.PROCESS_OWNERS, TASK, "*", READ);
    grants.grant(Groups.PROCESS_OWNERS, DECISION_DEFINITION, "*", READ, READ_HISTORY);
    grants.grant(Groups.PROCESS_OWNERS, DECISION_REQUIREMENTS_DEFINITION, "*", READ);
    grants.grant(Groups.PROCESS_OWNERS, DEPLOYMENT, "*", READ);
  }

  private void ensureAdmin(IdentityService identity) {
    User user = identity.createUserQuery().userId(admin.user()).singleResult();
    if (user == null) {
      user = identity.newUser(admin.user());
      user.setFirstName(admin.user());
      user.setLastName("(administrator)");
      user.setPassword(admin.password());
      identity.saveUser(user);
      LOG.info("Created the administrator '{}'", admin.user());
    }
    if (identity.createUserQuery().userId(admin.user()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(admin.user(), Groups.CAMUNDA_ADMIN);
    }
  }
}
