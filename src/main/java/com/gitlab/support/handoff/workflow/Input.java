package com.gitlab.support.handoff.workflow;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One input of a delegate: a variable the task sets as an input parameter, or else a process variable
 * of that name. Declared through {@link Inputs}; the readers fail readably when a required one is missing.
 *
 * @param name the variable's name, which is also the input parameter's name in the model
 * @param required whether the delegate cannot do without it
 */
public record Input(String name, boolean required) {

  /** The value as text; a required input that is unset or blank fails, naming the task and the input. */
  public String text(DelegateExecution execution) {
    Object value = execution.getVariable(name);
    String text = value == null ? null : value.toString();
    if (required && (text == null || text.isBlank())) {
      throw missing(execution);
    }
    return text;
  }

  /** The value as the engine holds it (a date stays a date); a required input that is unset fails. */
  public Object value(DelegateExecution execution) {
    Object value = execution.getVariable(name);
    if (required && value == null) {
      throw missing(execution);
    }
    return value;
  }

  /** A yes/no input given as a boolean or as text ("true"); null when unset and optional. */
  public Boolean flag(DelegateExecution execution) {
    Object value = value(execution);
    return value == null ? null : value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
  }

  /** A list given as a collection or as comma-separated text; blanks dropped. */
  public List<String> list(DelegateExecution execution) {
    Object value = value(execution);
    if (value == null) {
      return List.of();
    }
    Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
    return items.stream().filter(item -> item != null).map(item -> item.toString().trim())
        .filter(item -> !item.isEmpty()).toList();
  }

  private IllegalStateException missing(DelegateExecution execution) {
    return new IllegalStateException("Task '" + execution.getCurrentActivityName() + "' needs the variable '"
        + name + "', which is not set: check the model's input parameters");
  }
}
