package com.gitlab.support.handoff.bench;

import com.gitlab.support.handoff.feel.CachingFeelEngine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Every decision table of {@code processes/}, evaluated over and over in one thread, by Camunda's FEEL
 * engine and by {@link CachingFeelEngine}, in alternating rounds so that both see the same machine.
 * CPU time per evaluation of all tables, the thread's own: what the engine costs, without the database.
 */
final class FeelBenchmark {

  private static final int ROUNDS = 4;
  private static final long ROUND_NANOS = 3_000_000_000L;

  private FeelBenchmark() {}

  /** One result row per engine: microseconds of CPU for one pass over every table. */
  static void run(Results results) throws IOException {
    Map<String, DmnEngine> engines = Map.of(
        "Camunda's ScalaFeelEngine", engine(() -> new ScalaFeelEngine(List.of())),
        "CachingFeelEngine", engine(() -> new CachingFeelEngine(List.of())));
    Map<String, List<DmnDecision>> decisions = Map.of(
        "Camunda's ScalaFeelEngine", decisionsOf(engines.get("Camunda's ScalaFeelEngine")),
        "CachingFeelEngine", decisionsOf(engines.get("CachingFeelEngine")));
    VariableMap variables = handoffVariables();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, long[]> totals = Map.of("Camunda's ScalaFeelEngine", new long[2], "CachingFeelEngine", new long[2]);
    for (int round = 0; round <= ROUNDS; round++) {
      for (String name : List.of("Camunda's ScalaFeelEngine", "CachingFeelEngine")) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long passes = 0;
        while (System.nanoTime() - wallStart < ROUND_NANOS) {
          for (DmnDecision decision : decisions.get(name)) {
            engines.get(name).evaluateDecision(decision, variables);
          }
          passes++;
        }
        if (round > 0) { // round 0 warms the JIT up
          totals.get(name)[0] += threads.getCurrentThreadCpuTime() - cpuStart;
          totals.get(name)[1] += passes;
        }
      }
    }
    int tables = decisions.get("CachingFeelEngine").size();
    double camunda = totals.get("Camunda's ScalaFeelEngine")[0] / 1000.0 / totals.get("Camunda's ScalaFeelEngine")[1];
    for (String name : List.of("Camunda's ScalaFeelEngine", "CachingFeelEngine")) {
      double micros = totals.get(name)[0] / 1000.0 / totals.get(name)[1];
      results.add("JVM only", "decision tables: all " + tables + " of processes/ evaluated once, 1 thread, " + name,
          String.format(Locale.ROOT, "%.0f µs of CPU per pass (%.2f× Camunda's)", micros, micros / camunda),
          "", null, null);
    }
  }

  private static DmnEngine engine(FeelEngineFactory feel) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(feel);
    return configuration.buildEngine();
  }

  private static List<DmnDecision> decisionsOf(DmnEngine engine) throws IOException {
    List<DmnDecision> decisions = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          decisions.addAll(engine.parseDecisions(in));
        }
      }
    }
    return decisions;
  }

  /** What a handoff and an SMB case carry when their tables are decided; a table lacking one sees null. */
  private static VariableMap handoffVariables() {
    return Variables.createVariables()
        .putValue("requestType", "ALTERNATIVE_PAYMENT_METHOD").putValue("tier", "PREMIUM")
        .putValue("nearExpiry", false).putValue("newSubscription", false).putValue("inRenewalPeriod", false)
        .putValue("accountFound", true).putValue("ownerName", "Alex Owner").putValue("ownerRole", "NAMED")
        .putValue("employees", 120).putValue("carr", 45_000.0).putValue("salesSegment", "SMB")
        .putValue("billingCountry", "DE").putValue("region", "EMEA").putValue("origin", "SUPPORT")
        .putValue("pickingUp", true).putValue("caseStatus", "In Progress: Engaged")
        .putValue("nextSteps", "2026-12-04 Fri call back").putValue("nextStepsDate", LocalDate.of(2026, 12, 4))
        .putValue("today", LocalDate.of(2026, 12, 2)).putValue("resolutionAction", null).putValue("feedback", null)
        .putValue("contactId", "003C1").putValue("leadId", null).putValue("highValueAccount", false)
        .putValue("opportunityId", "006O1").putValue("opportunityCloseDate", LocalDate.of(2026, 12, 20))
        .putValue("opportunityOutcome", null).putValue("languageBarrier", false)
        .putValue("reassignTo", null).putValue("advocate", "ava");
  }
}
