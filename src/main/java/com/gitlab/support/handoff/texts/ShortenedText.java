package com.gitlab.support.handoff.texts;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A model's text expression whose value is shortened ({@link Texts#shorten}) to what its column
 * holds; the expression itself, as Modeler and Cockpit show it, is the model's.
 */
final class ShortenedText implements Expression {

  private final Expression expression;
  private final int max;

  ShortenedText(Expression expression, int max) {
    this.expression = expression;
    this.max = max;
  }

  @Override
  public Object getValue(VariableScope variableScope) {
    Object value = expression.getValue(variableScope);
    return value instanceof String text ? Texts.shorten(text, max) : value;
  }

  @Override
  public void setValue(Object value, VariableScope variableScope) {
    expression.setValue(value, variableScope);
  }

  @Override
  public String getExpressionText() {
    return expression.getExpressionText();
  }

  @Override
  public boolean isLiteralText() {
    return expression.isLiteralText();
  }

  @Override
  public String toString() {
    return expression.toString();
  }
}
