package com.gitlab.support.handoff.feel;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression text once. {@link ScalaFeelEngine} parses the text of
 * every input expression and every rule cell again at each evaluation; the profile of a handoff put a
 * third of FEEL's time in that parser. The parsed tree does not depend on the variables, so it is
 * kept per text and evaluated with the same contexts and value mappers Camunda's engine uses; results
 * and error messages are the same.
 *
 * <p>The texts come from the deployed decision tables, so the cache stays small; past
 * {@value #MAX_ENTRIES} texts it starts over, so that no stream of generated expressions can grow it.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  static final int MAX_ENTRIES = 10_000;

  private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    Context context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) valueOf(evaluate(expressions, expression, feelEngine::parseExpression, context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    VariableProvider.StaticVariableProvider input = new VariableProvider.StaticVariableProvider(
        new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    Context context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(valueOf(evaluate(unaryTests, expression, feelEngine::parseUnaryTests, context)));
  }

  /** Number of parsed texts kept, expressions and unary tests. */
  int cached() {
    return expressions.size() + unaryTests.size();
  }

  private Either<Failure, Object> evaluate(Map<String, Either<Failure, ParsedExpression>> cache, String text,
      Function<String, Either<Failure, ParsedExpression>> parser, Context context) {
    Either<Failure, ParsedExpression> parsed = cache.get(text);
    if (parsed == null) {
      parsed = parser.apply(text);
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(text, parsed);
    }
    if (parsed instanceof Left<Failure, ParsedExpression> failure) {
      return new Left<>(failure.value());
    }
    return feelEngine.eval(((Right<Failure, ParsedExpression>) parsed).value(), context);
  }

  private static Object valueOf(Either<Failure, Object> result) {
    if (result instanceof Right<Failure, Object> value) {
      return value.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
  }
}
