package com.gitlab.support.handoff.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every worker group may read Tasklist's general filter ({@code camunda.bpm.filter.create}, "All tasks";
 * which tasks it lists is still up to candidate groups and assignees). Run once the application is
 * ready, when the starter has created the filter.
 */
@Component
public class AllTasksFilterGrants {

  private final ProcessEngine engine;
  private final CamundaBpmProperties camunda;

  public AllTasksFilterGrants(ProcessEngine engine, CamundaBpmProperties camunda) {
    this.engine = engine;
    this.camunda = camunda;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void grantReadToWorkers() {
    String name = camunda.getFilter() == null ? null : camunda.getFilter().getCreate();
    if (name == null || name.isBlank()) {
      return;
    }
    Grants grants = new Grants(engine.getAuthorizationService());
    for (Filter filter : engine.getFilterService().createFilterQuery().filterName(name).list()) {
      for (String worker : Groups.WORKERS) {
        grants.grant(worker, FILTER, filter.getId(), READ);
      }
    }
  }
}
