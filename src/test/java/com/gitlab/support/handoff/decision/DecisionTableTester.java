package com.gitlab.support.handoff.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Evaluates one deployed decision table through the engine's decision service, the way the BPMN and
 * {@code POST /engine-rest/decision-definition/key/{key}/evaluate} do, and tells which rule decided
 * (read from the engine's decision history, so tests can name the row of the table they expect).
 */
final class DecisionTableTester {

  private final ProcessEngine engine;
  private final String decisionKey;

  private DecisionTableTester(ProcessEngine engine, String decisionKey) {
    this.engine = engine;
    this.decisionKey = decisionKey;
  }

  static DecisionTableTester decision(ProcessEngine engine, String decisionKey) {
    return new DecisionTableTester(engine, decisionKey);
  }

  /** Decision inputs as name/value pairs; values may be null (an unknown fact). */
  static VariableMap inputs(Object... namesAndValues) {
    assertThat(namesAndValues.length % 2).as("inputs come in name/value pairs").isZero();
    VariableMap variables = Variables.createVariables();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.putValue((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  /** Evaluates and expects exactly one rule to match; returns its outputs and the rule's id. */
  Decided decide(VariableMap inputs) {
    Set<String> earlier = evaluations().list().stream().map(HistoricDecisionInstance::getId).collect(Collectors.toSet());

    DmnDecisionTableResult result = evaluate(inputs);

    assertThat(result.getResultList()).as("rules of %s matching %s", decisionKey, inputs).hasSize(1);
    List<HistoricDecisionInstance> evaluation = evaluations().includeOutputs().list().stream()
        .filter(instance -> !earlier.contains(instance.getId()))
        .toList();
    assertThat(evaluation).as("decision history of this evaluation").hasSize(1);
    List<String> ruleIds = evaluation.get(0).getOutputs().stream()
        .map(HistoricDecisionOutputInstance::getRuleId).distinct().toList();
    assertThat(ruleIds).as("matched rules").hasSize(1);
    return new Decided(new HashMap<>(result.getSingleResult().getEntryMap()), ruleIds.get(0));
  }

  /** Evaluates as is; a UNIQUE table that matches more than one rule throws. */
  DmnDecisionTableResult evaluate(VariableMap inputs) {
    return engine.getDecisionService().evaluateDecisionTableByKey(decisionKey, inputs);
  }

  /**
   * The input combinations that do not match exactly one rule, with what happened, empty when every
   * one of them is decided by a single rule.
   */
  Map<VariableMap, String> notDecidedByExactlyOneRule(List<VariableMap> combinations) {
    Map<VariableMap, String> problems = new LinkedHashMap<>();
    for (VariableMap combination : combinations) {
      try {
        int matches = evaluate(combination).size();
        if (matches != 1) {
          problems.put(combination, matches + " rules matched");
        }
      } catch (RuntimeException e) {
        problems.put(combination, rootCause(e).getMessage());
      }
    }
    return problems;
  }

  private static Throwable rootCause(Throwable e) {
    return e.getCause() == null ? e : rootCause(e.getCause());
  }

  /** The hit policy of the deployed table: UNIQUE makes the engine reject overlapping rules. */
  HitPolicy hitPolicy() {
    return table().getHitPolicy();
  }

  /** The ids of the table's rules, in table order. */
  List<String> ruleIds() {
    return table().getRules().stream().map(Rule::getId).toList();
  }

  private DecisionTable table() {
    DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
    DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definition.getId());
    Decision decision = model.getModelElementById(decisionKey);
    return (DecisionTable) decision.getExpression();
  }

  private HistoricDecisionInstanceQuery evaluations() {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(decisionKey);
  }

  /** Every combination of the given values per input (the cartesian product), in input order. */
  static List<VariableMap> allCombinations(Map<String, List<?>> valuesByInput) {
    List<VariableMap> combinations = new ArrayList<>();
    combinations.add(Variables.createVariables());
    for (Map.Entry<String, List<?>> input : valuesByInput.entrySet()) {
      List<VariableMap> extended = new ArrayList<>();
      for (VariableMap partial : combinations) {
        for (Object value : input.getValue()) {
          VariableMap next = Variables.createVariables();
          next.putAll(partial);
          next.putValue(input.getKey(), value);
          extended.add(next);
        }
      }
      combinations = extended;
    }
    return combinations;
  }

  /** What one evaluation decided: the outputs of the single matched rule, and that rule's id. */
  record Decided(Map<String, Object> outputs, String ruleId) {

    Object get(String output) {
      assertThat(outputs).as("outputs").containsKey(output);
      return outputs.get(output);
    }

    String text(String output) {
      return (String) get(output);
    }
  }
}
