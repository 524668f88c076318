package com.gitlab.support.handoff.cockpit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Makes {@code history-level: audit} {@link AuditAndDecisions}: the engine picks the last level of its
 * list whose name is the configured one, and custom levels come after its own. The other levels
 * ({@code activity}, {@code full}) stay as Camunda defines them.
 */
@Component
public class DecisionHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(AuditAndDecisions.INSTANCE);
    configuration.setCustomHistoryLevels(custom);
  }
}
