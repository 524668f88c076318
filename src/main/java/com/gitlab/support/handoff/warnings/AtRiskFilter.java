package com.gitlab.support.handoff.warnings;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import com.gitlab.support.handoff.security.Grants;
import com.gitlab.support.handoff.security.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Issue #15: the Tasklist filter "At risk", created at start-up when missing (every node, every start, so a
 * deleted filter comes back) and readable by every worker group. It lists the tasks of the reader's groups
 * whose target a warning found close ({@link MarkTasksAtRisk}: the task variable {@code atRisk}), the one
 * missed soonest first, with the moment it is missed ({@code breachAt}) as a column.
 */
@Component
public class AtRiskFilter extends AbstractProcessEnginePlugin {

  public static final String NAME = "At risk";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(NAME).list().stream().findFirst()
        .orElseGet(() -> filters.saveFilter(filters.newTaskFilter(NAME)
            .setQuery(engine.getTaskService().createTaskQuery()
                .taskVariableValueEquals(MarkTasksAtRisk.AT_RISK, true)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc())
            .setProperties(Map.of(
                "description", "Tasks whose target is near: a warning went out, the target is missed at \"Target missed at\"",
                "priority", 5,
                "color", "#db3b21",
                "refresh", true,
                "variables", List.of(
                    Map.of("name", MarkTasksAtRisk.BREACH_AT, "label", "Target missed at"),
                    Map.of("name", "ticketId", "label", "Ticket"),
                    Map.of("name", "caseKey", "label", "Case"),
                    Map.of("name", "accountName", "label", "Account"))))));
    Grants grants = new Grants(engine.getAuthorizationService());
    for (String worker : Groups.WORKERS) {
      grants.grant(worker, FILTER, filter.getId(), READ);
    }
  }
}
