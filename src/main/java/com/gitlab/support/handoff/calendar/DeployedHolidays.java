package com.gitlab.support.handoff.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The holidays a process owner deploys: decision {@value #DECISION_KEY} ({@code processes/holidays.dmn}),
 * one row a day. Each call asks for the latest deployed version, so a deployment from Camunda Modeler
 * counts for the next timer without a restart; its rows are read once per version.
 *
 * <p>Until the engine runs (or when no version is deployed) there are none, and the configured
 * {@code handoff.calendar.holidays} alone count. A row whose date is not {@code yyyy-MM-dd} fails the
 * step that sets the timer, with the row named, so Cockpit shows the process owner what to fix.
 */
@Component
public class DeployedHolidays {

  public static final String DECISION_KEY = "holidays";

  private final ObjectProvider<ProcessEngine> engine;
  private volatile Version cached = new Version(null, Set.of());

  public DeployedHolidays(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** The days of the latest deployed version of the decision. */
  public Set<LocalDate> dates() {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null) {
      return Set.of();
    }
    DecisionDefinition latest = processEngine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
    if (latest == null) {
      return Set.of();
    }
    Version version = cached;
    if (!latest.getId().equals(version.definitionId())) {
      version = new Version(latest.getId(), read(processEngine, latest));
      cached = version;
    }
    return version.dates();
  }

  private static Set<LocalDate> read(ProcessEngine processEngine, DecisionDefinition definition) {
    Set<LocalDate> dates = new HashSet<>();
    int row = 0;
    for (DmnDecisionResultEntries entries : processEngine.getDecisionService()
        .evaluateDecisionById(definition.getId()).variables(Variables.createVariables()).evaluate()) {
      row++;
      Object date = entries.get("date");
      try {
        dates.add(LocalDate.parse(String.valueOf(date).trim()));
      } catch (DateTimeParseException e) {
        throw new ProcessEngineException("Decision '" + DECISION_KEY + "' version " + definition.getVersion()
            + ", row " + row + " (" + entries.get("name") + "): date '" + date
            + "' is not yyyy-MM-dd; fix the row in Camunda Modeler and deploy again", e);
      }
    }
    return Set.copyOf(dates);
  }

  private record Version(String definitionId, Set<LocalDate> dates) {}
}
