package com.gitlab.support.handoff.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
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
 * one row a day, for every region or (column Region) for one calendar only. Each call asks for the latest deployed version, so a deployment from Camunda Modeler
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
  /** The key of the rows without a Region. */
  private static final String EVERY_REGION = "";

  private volatile Version cached = new Version(null, Map.of());

  public DeployedHolidays(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** The days of the latest deployed version of the decision that count in every region (Region left empty). */
  public Set<LocalDate> dates() {
    return dates(null);
  }

  /**
   * The days of the latest deployed version that count for calendar {@code calendarName}: those for
   * every region and those whose Region names this calendar (case does not matter).
   */
  public Set<LocalDate> dates(String calendarName) {
    Map<String, Set<LocalDate>> byRegion = rows();
    Set<LocalDate> global = byRegion.getOrDefault(EVERY_REGION, Set.of());
    if (calendarName == null || calendarName.isBlank()) {
      return global;
    }
    Set<LocalDate> own = byRegion.getOrDefault(calendarName.strip().toUpperCase(Locale.ROOT), Set.of());
    if (own.isEmpty()) {
      return global;
    }
    Set<LocalDate> all = new HashSet<>(global);
    all.addAll(own);
    return all;
  }

  private Map<String, Set<LocalDate>> rows() {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null) {
      return Map.of();
    }
    DecisionDefinition latest = processEngine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
    if (latest == null) {
      return Map.of();
    }
    Version version = cached;
    if (!latest.getId().equals(version.definitionId())) {
      version = new Version(latest.getId(), read(processEngine, latest));
      cached = version;
    }
    return version.byRegion();
  }

  private static Map<String, Set<LocalDate>> read(ProcessEngine processEngine, DecisionDefinition definition) {
    Map<String, Set<LocalDate>> dates = new HashMap<>();
    int row = 0;
    for (DmnDecisionResultEntries entries : processEngine.getDecisionService()
        .evaluateDecisionById(definition.getId()).variables(Variables.createVariables()).evaluate()) {
      row++;
      Object date = entries.get("date");
      try {
        Object region = entries.get("region");
        String key = region == null || region.toString().isBlank()
            ? EVERY_REGION : region.toString().strip().toUpperCase(Locale.ROOT);
        dates.computeIfAbsent(key, k -> new HashSet<>()).add(LocalDate.parse(String.valueOf(date).trim()));
      } catch (DateTimeParseException e) {
        throw new ProcessEngineException("Decision '" + DECISION_KEY + "' version " + definition.getVersion()
            + ", row " + row + " (" + entries.get("name") + "): date '" + date
            + "' is not yyyy-MM-dd; fix the row in Camunda Modeler and deploy again", e);
      }
    }
    Map<String, Set<LocalDate>> copy = new HashMap<>();
    dates.forEach((key, days) -> copy.put(key, Set.copyOf(days)));
    return Map.copyOf(copy);
  }

  private record Version(String definitionId, Map<String, Set<LocalDate>> byRegion) {}
}
