package com.gitlab.support.handoff.workflow;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads a delegate's inputs (input parameters of the task, or process variables) with readable failures. */
public final class Inputs {

  private Inputs() {}

  public static String required(DelegateExecution execution, String name) {
    String value = optional(execution, name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Task '" + execution.getCurrentActivityName() + "' needs the variable '"
          + name + "', which is not set: check the model's input parameters");
    }
    return value;
  }

  public static String optional(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static Boolean flag(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
  }

  /** A list given as a collection or as comma-separated text; blanks dropped. */
  public static List<String> list(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      return List.of();
    }
    Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
    return items.stream().filter(item -> item != null).map(item -> item.toString().trim())
        .filter(item -> !item.isEmpty()).toList();
  }
}
