package com.gitlab.support.handoff.smbcase;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.gitlab.support.handoff.security.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The SMB advocates' Tasklist filters, created at start-up when missing (every node, every start, so a
 * deleted filter comes back), their query set to the current one (the case's tasks may move to a called
 * process, issue #13: {@link SmbCase#WORK_PROCESS_KEYS}) and readable by the advocate groups and SMB Ops:
 * "My open cases" (R23–R29), "Pick-up SLA at risk" (R22) and "Over 7 days" (R26).
 */
@Component
public class SmbCaseFilters extends AbstractProcessEnginePlugin {

  public static final String MY_OPEN_CASES = "My open cases";
  public static final String PICK_UP_AT_RISK = "Pick-up SLA at risk";
  public static final String OVER_SEVEN_DAYS = "Over 7 days";

  private static final List<String> READERS =
      List.of(Groups.SMB_ADVOCATES_AMER, Groups.SMB_ADVOCATES_EMEA_APJ, Groups.SMB_OPS);
  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "caseKey", "label", "Case"),
      Map.of("name", "caseStatus", "label", "Status"),
      Map.of("name", "nextSteps", "label", "Next Steps"),
      Map.of("name", "caseReminder", "label", "Reminder"),
      Map.of("name", "advocate", "label", "Advocate"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String[] workTasks = SmbCase.WORK_TASKS.toArray(String[]::new);
    String[] workProcesses = SmbCase.WORK_PROCESS_KEYS.toArray(String[]::new);
    ensure(engine, MY_OPEN_CASES, "Your SMB cases that are not closed, next follow-up first", 20,
        engine.getTaskService().createTaskQuery()
            .processDefinitionKeyIn(workProcesses)
            .taskDefinitionKeyIn(workTasks)
            .taskAssigneeExpression("${currentUser()}")
            .orderByFollowUpDate().asc().orderByDueDate().asc());
    // "At risk": the 24 business hours to pick a case up (R22) end within the next 8 hours, or have ended.
    ensure(engine, PICK_UP_AT_RISK, "Cases of your territory not yet picked up, 24-hour SLA ends within 8 hours", 21,
        engine.getTaskService().createTaskQuery()
            .processDefinitionKey(SmbCase.PROCESS_KEY)
            .taskDefinitionKey(SmbCase.PICK_UP_TASK)
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .dueBeforeExpression("${dateTime().plusHours(8).toDate()}")
            .orderByDueDate().asc());
    ensure(engine, OVER_SEVEN_DAYS, "Cases of your territory open longer than the 7-day target, without an exemption (R26)", 22,
        engine.getTaskService().createTaskQuery()
            .processDefinitionKeyIn(workProcesses)
            .taskDefinitionKeyIn(workTasks)
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .processVariableValueEquals("overSevenDays", true)
            .orderByTaskCreateTime().asc());
  }

  private static void ensure(ProcessEngine engine, String name, String description, int priority, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(name).list().stream().findFirst()
        // The query is the code's: a filter made before the case's tasks moved (issue #13) gets the current one.
        .map(existing -> filters.saveFilter(existing.setQuery(query)))
        .orElseGet(() -> filters.saveFilter(filters.newTaskFilter(name)
            .setQuery(query)
            .setProperties(Map.of(
                "description", description,
                "priority", priority,
                "color", "#6b4fbb",
                "refresh", true,
                "variables", COLUMNS))));
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : READERS) {
      grantRead(authorizations, group, filter.getId());
    }
  }

  private static void grantRead(AuthorizationService authorizations, String group, String filterId) {
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(Resources.FILTER).resourceId(filterId).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filterId);
    } else if (grant.isPermissionGranted(Permissions.READ)) {
      return;
    }
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }
}
