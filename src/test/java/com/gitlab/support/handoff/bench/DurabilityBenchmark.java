package com.gitlab.support.handoff.bench;

import com.gitlab.support.handoff.bench.BenchmarkRunner.Rate;
import com.gitlab.support.handoff.operations.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What it costs that the embedded H2 database writes each commit before the commit returns
 * ({@code WRITE_DELAY=0}, the application's setting), against H2's default of answering first and
 * writing within 500 ms (which a SIGKILL turns into lost handoffs: {@code CrashRecoveryIT}). The
 * intake and end-to-end stages, small, on a fresh database per setting, in alternating rounds so that
 * both settings see the same machine. Sizes: {@code bench.durability-intake} (requests, 500),
 * {@code bench.durability-e2e} (handoffs, 300), {@code bench.durability-rounds} (2).
 */
final class DurabilityBenchmark {

  static final int INTAKE = Integer.getInteger("bench.durability-intake", 500);
  static final int E2E = Integer.getInteger("bench.durability-e2e", 300);
  static final int ROUNDS = Integer.getInteger("bench.durability-rounds", 2);
  static final String DATABASE = "H2 file";

  private DurabilityBenchmark() {}

  /** The two settings as URL options: the application's, and the same with H2's default write delay. */
  static Map<String, String> settings() {
    String now = BenchDatabase.applicationH2Options();
    String before = now.replaceAll("(?i);WRITE_DELAY=[0-9]+", "") + ";WRITE_DELAY=500";
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("WRITE_DELAY=500 (H2's default, before)", before);
    settings.put("WRITE_DELAY=0 (application.yaml now)", now);
    // -Dbench.durability-try=";RETENTION_TIME=5000": one more setting, the application's options plus these.
    String tryAlso = System.getProperty("bench.durability-try", "").trim();
    if (!tryAlso.isEmpty()) {
      settings.put("application.yaml + " + tryAlso, now + tryAlso);
    }
    return settings;
  }

  static void run(Results results) throws Exception {
    Map<String, String> settings = settings();
    Map<String, List<Rate>> intakes = new LinkedHashMap<>();
    Map<String, List<Rate>> endToEnds = new LinkedHashMap<>();
    settings.keySet().forEach(name -> {
      intakes.put(name, new ArrayList<>());
      endToEnds.put(name, new ArrayList<>());
    });
    // A first database in a cold JVM is slower whatever its setting: warm up on one that is not counted.
    measure(null, 0, "warm-up", settings.values().iterator().next(), new ArrayList<>(), new ArrayList<>());
    for (int round = 1; round <= ROUNDS; round++) {
      List<String> order = new ArrayList<>(settings.keySet());
      if (round % 2 == 0) {
        Collections.reverse(order);
      }
      // Every setting once per round, the order reversed each round: both see the same machine.
      for (String name : order) {
        measure(results, round, name, settings.get(name), intakes.get(name), endToEnds.get(name));
      }
    }
    List<String> names = new ArrayList<>(settings.keySet());
    for (int i = 1; i < names.size(); i++) {
      List<String> pair = List.of(names.get(0), names.get(i));
      results.note(DATABASE, "durability, all rounds, " + names.get(i) + " against " + names.get(0) + ": intake "
          + compare(intakes, pair) + "; end to end " + compare(endToEnds, pair));
    }
  }

  private static void measure(Results results, int round, String name, String options, List<Rate> intakes,
      List<Rate> endToEnds) throws Exception {
    List<String> properties = new ArrayList<>();
    try (BenchDatabase.H2 database = new BenchDatabase.H2(options)) {
      properties.addAll(database.properties());
      properties.addAll(BenchmarkRunner.EXTRA);
      try (Node node = Node.start("bench-durability", database.profiles(), properties)) {
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        // H2 lists the setting twice: the store's delay in force, and the value the database was opened with.
        String inForce = String.join("/", jdbc.queryForList("SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
            + "WHERE SETTING_NAME = 'WRITE_DELAY'", String.class));
        boolean warmUp = results == null;
        Rate intake = BenchmarkRunner.intake(node, "D" + round + "I", warmUp ? INTAKE / 2 : INTAKE);
        drain(node);
        Rate endToEnd = BenchmarkRunner.endToEnd(node, jdbc, "D" + round + "E", warmUp ? E2E / 2 : E2E);
        drain(node);
        if (warmUp) {
          return;
        }
        intakes.add(intake);
        endToEnds.add(endToEnd);
        results.add(DATABASE, "durability round " + round + ": intake, " + BenchmarkRunner.CLIENTS
                + " clients, job executor on, " + name + ", in force: WRITE_DELAY=" + inForce,
            intake.describe("accepted"), "", null, null);
        results.add(DATABASE, "durability round " + round + ": end to end, " + name,
            endToEnd.describe("handoffs") + "; " + fileAfter(jdbc, database), "", null, null);
      }
    }
  }

  /**
   * The file's size after the round's handoffs, and how full H2's chunks are: H2 runs its housekeeping
   * (rewriting sparse chunks) only in the background writer that {@code WRITE_DELAY=0} turns off.
   */
  private static String fileAfter(JdbcTemplate jdbc, BenchDatabase.H2 database) {
    Map<String, String> info = new LinkedHashMap<>();
    jdbc.query("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN "
        + "('info.CHUNK_COUNT', 'info.CHUNKS_FILL_RATE', 'info.FILE_WRITE_BYTES')", rs -> {
          info.put(rs.getString(1), rs.getString(2));
        });
    return String.format(Locale.ROOT, "file %,d MB after %,d handoffs (%s chunks, %s %% full; %,d MB written)",
        database.sizeBytes(jdbc) >> 20, INTAKE + 100 + E2E, info.get("info.CHUNK_COUNT"),
        info.get("info.CHUNKS_FILL_RATE"), Long.parseLong(info.getOrDefault("info.FILE_WRITE_BYTES", "0")) >> 20);
  }

  private static void drain(Node node) {
    BenchmarkRunner.waitFor(BenchmarkRunner.STAGE_LIMIT, Duration.ofMillis(250),
        () -> node.engine().getManagementService().createJobQuery().executable().count() == 0);
  }

  /** The second setting against the first over all rounds: rate, and p99 where calls were timed. */
  private static String compare(Map<String, List<Rate>> rates, List<String> names) {
    double[] perSecond = new double[2];
    double[] p99 = new double[2];
    for (int i = 0; i < 2; i++) {
      List<Rate> of = rates.get(names.get(i));
      perSecond[i] = of.stream().mapToInt(r -> r.count).sum() / of.stream().mapToDouble(r -> r.seconds).sum();
      p99[i] = of.stream().filter(r -> r.p99 != null).mapToDouble(r -> r.p99).max().orElse(Double.NaN);
    }
    String text = String.format(Locale.ROOT, "%.0f/s → %.0f/s (%.2f×)", perSecond[0], perSecond[1],
        perSecond[1] / perSecond[0]);
    if (!Double.isNaN(p99[0])) {
      text += String.format(Locale.ROOT, ", worst p99 %.0f ms → %.0f ms", p99[0], p99[1]);
    }
    return text;
  }
}
