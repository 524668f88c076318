package com.gitlab.support.handoff.review;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.gitlab.support.handoff.security.Groups;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * R16: the Tasklist filter "Escalated to Sales", created at start-up when missing (on every node,
 * every start, so a deleted filter comes back) and readable by the support engineers. It lists the
 * handoffs waiting for Sales, plus those whose escalation reached the CEO.
 */
@Component
public class EscalatedToSalesFilter extends AbstractProcessEnginePlugin {

  public static final String NAME = "Escalated to Sales";
  public static final List<String> TASKS =
      Stream.concat(HandoffsWaitingForSales.WAITING_FOR_SALES.stream(), Stream.of("followUpWithoutSales")).toList();

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(NAME).list().stream().findFirst()
        .orElseGet(() -> filters.saveFilter(filters.newTaskFilter(NAME)
            .setQuery(engine.getTaskService().createTaskQuery()
                .taskDefinitionKeyIn(TASKS.toArray(String[]::new))
                .orderByDueDate().asc())
            .setProperties(Map.of(
                "description", "Handoffs waiting for Sales: review them every business day (R16)",
                "priority", 10,
                "color", "#fc6d26",
                "refresh", true,
                "variables", List.of(
                    Map.of("name", "ticketId", "label", "Ticket"),
                    Map.of("name", "accountName", "label", "Account"),
                    Map.of("name", "salesPersonName", "label", "Waiting for"),
                    Map.of("name", "engineer", "label", "Engineer"))))));
    grantRead(engine.getAuthorizationService(), filter.getId());
  }

  private static void grantRead(AuthorizationService authorizations, String filterId) {
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(Groups.SUPPORT_ENGINEERS)
        .resourceType(Resources.FILTER).resourceId(filterId).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(Groups.SUPPORT_ENGINEERS);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filterId);
    } else if (grant.isPermissionGranted(Permissions.READ)) {
      return;
    }
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }
}
