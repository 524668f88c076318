package com.gitlab.support.handoff.cockpit;

import com.gitlab.support.handoff.calendar.DeployedHolidays;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's {@code audit} history level plus the decisions the models evaluate (inputs, outputs,
 * the rule that matched), so Cockpit's History page shows why a finished handoff went the way it did.
 * Camunda records decisions only at {@code full}, which also writes every variable update, job log and
 * user operation; this adds the decisions alone. The {@code holidays} table is left out: the business
 * calendar reads it for every timer, and its rows say nothing about one handoff.
 *
 * <p>It keeps audit's id and name: databases made at {@code audit} start unchanged (the engine compares
 * the stored level by id), and {@code camunda.bpm.history-level: audit} selects it ({@link DecisionHistory}).
 */
public final class AuditAndDecisions extends HistoryLevelAudit {

  public static final HistoryLevel INSTANCE = new AuditAndDecisions();

  private AuditAndDecisions() {}

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (HistoryEventTypes.DMN_DECISION_EVALUATE == eventType) {
      return !(entity instanceof DmnDecision decision && DeployedHolidays.DECISION_KEY.equals(decision.getKey()));
    }
    return super.isHistoryEventProduced(eventType, entity);
  }
}
