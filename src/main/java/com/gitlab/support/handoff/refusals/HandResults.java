package com.gitlab.support.handoff.refusals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a refused step would have returned that later steps read (e.g. {@code salesforceCaseId} of a
 * created case, {@code chatterPostUrl} of a Chatter post): "done by hand" asks the person for it, so the
 * next step does not stop for want of it. The step names them in its {@value #PROPERTY} property, one
 * {@code variable: label} a line (or separated by {@code ;}), at most {@value #MAX} of them, e.g.
 * {@code salesforceCaseId: Id of the case you created in Salesforce (500…)}.
 *
 * <p>The resolution carries them as {@code handResult1Variable} / {@code handResult1Label} …; the
 * fixAndRetry form shows a required field {@code handResult1} … for each when "done by hand" is chosen,
 * and {@link SkipFailedStep} sets the values on the refused step's process instance.
 */
public record HandResults(List<Result> results) {

  /** The step property naming the results. */
  public static final String PROPERTY = "refusalResults";

  /** Form fields the fixAndRetry form has for results. */
  public static final int MAX = 3;

  private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*(\\S.*?)\\s*");

  /** One result: the process variable and the label the person sees. */
  public record Result(String variable, String label) {}

  /**
   * The results a property value names; a blank or missing value names none.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code variable: label}, or when more
   *     than {@value #MAX} are named
   */
  public static HandResults parse(String text) {
    List<Result> results = new ArrayList<>();
    if (text != null) {
      for (String entry : text.split("[;\\n]")) {
        if (entry.isBlank()) {
          continue;
        }
        Matcher matcher = ENTRY.matcher(entry);
        if (!matcher.matches()) {
          throw new IllegalArgumentException(PROPERTY + ": '" + entry.strip() + "' is not 'variable: label'");
        }
        results.add(new Result(matcher.group(1), matcher.group(2)));
      }
    }
    if (results.size() > MAX) {
      throw new IllegalArgumentException(PROPERTY + " names " + results.size() + " results; the fix form has room for " + MAX);
    }
    return new HandResults(List.copyOf(results));
  }

  /** The resolution's variables that describe the results to the form and to {@link SkipFailedStep}. */
  void describeIn(VariableMap variables) {
    for (int i = 0; i < results.size(); i++) {
      variables.putValue(variableKey(i + 1), results.get(i).variable());
      variables.putValue(labelKey(i + 1), results.get(i).label());
    }
  }

  static String variableKey(int n) {
    return "handResult" + n + "Variable";
  }

  static String labelKey(int n) {
    return "handResult" + n + "Label";
  }

  /** The form field holding the n-th result's value. */
  static String valueKey(int n) {
    return "handResult" + n;
  }
}
