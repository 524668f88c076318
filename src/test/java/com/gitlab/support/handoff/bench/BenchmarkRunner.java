package com.gitlab.support.handoff.bench;

import com.gitlab.support.handoff.intake.HandoffIntake;
import com.gitlab.support.handoff.intake.HandoffRequest;
import com.gitlab.support.handoff.metrics.IncidentsBySystemMetrics;
import com.gitlab.support.handoff.metrics.MetricsProperties;
import com.gitlab.support.handoff.metrics.WaitingForSalesMetrics;
import com.gitlab.support.handoff.operations.JobBacklogMetrics;
import com.gitlab.support.handoff.operations.Node;
import com.gitlab.support.handoff.operations.NodeProcess;
import com.gitlab.support.handoff.operations.SharedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./mvnw -Pbench verify}: measures the application against the engine's own floor on the H2
 * file database and on PostgreSQL, and prints a table. It never fails on a figure; each wait is
 * bounded, and a stage that runs out of time says so in its row. Only loopback traffic.
 *
 * <p>System properties: {@code bench.databases} (default {@code h2,postgres}), {@code bench.floor}
 * (empty-process instances, 4000), {@code bench.intake} (requests, 3000), {@code bench.e2e}
 * (handoffs, 2000), {@code bench.running} (running handoffs for heap and timer storm, 10000),
 * {@code bench.out} (Markdown file, target/bench/results.md).
 */
public final class BenchmarkRunner {

  static final int CLIENTS = 16;
  static final int FLOOR = Integer.getInteger("bench.floor", 4000);
  static final int INTAKE = Integer.getInteger("bench.intake", 3000);
  static final int E2E = Integer.getInteger("bench.e2e", 2000);
  static final int RUNNING = Integer.getInteger("bench.running", 10_000);
  /** Extra node properties for experiments, e.g. {@code --camunda.bpm.history-level=activity}, comma-separated. */
  static final List<String> EXTRA = Arrays.stream(System.getProperty("bench.properties", "").split(","))
      .map(String::trim).filter(p -> !p.isEmpty()).toList();
  /**
   * Stages to run: feel (no database), durability (H2 only: its commit setting before and now, on
   * databases of its own), outage (H2 only: a Zendesk outage under waiting jobs, parking on and off), startup, intake, e2e, storm, cleanup (the floors run with any of these five), reports (the SLA reports over 100,000 finished handoffs' history, {@code bench.reports.handoffs}; on a node of its own, before the other stages fill the database).
   */
  static final List<String> STAGES = List.of(
      System.getProperty("bench.stages", "feel,durability,outage,startup,intake,e2e,metrics,storm,cleanup,reports").split(","));
  static final Duration STAGE_LIMIT = Duration.ofMinutes(Long.getLong("bench.stage-minutes", 10));
  static final String USER = "sam";

  private final Results results = new Results();
  private long clockOffset;

  public static void main(String[] args) throws Exception {
    new BenchmarkRunner().run();
    System.exit(0);
  }

  void run() throws Exception {
    System.out.printf("sales-handoff benchmark, %s, %d cores, JVM max heap %d MB, load average %.2f%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (STAGES.contains("feel")) {
      FeelBenchmark.run(results);
    }
    if (STAGES.contains("durability") && List.of(System.getProperty("bench.databases", "h2,postgres").split(","))
        .stream().anyMatch(db -> db.trim().equals("h2"))) {
      DurabilityBenchmark.run(results);
    }
    if (STAGES.contains("outage") && List.of(System.getProperty("bench.databases", "h2,postgres").split(","))
        .stream().anyMatch(db -> db.trim().equals("h2"))) {
      OutageBenchmark.run(results);
    }
    boolean databaseStages = STAGES.stream().anyMatch(List.of("startup", "intake", "e2e", "metrics", "storm", "cleanup", "reports")::contains);
    for (String db : System.getProperty("bench.databases", "h2,postgres").split(",")) {
      if (!databaseStages || db.isBlank() || db.trim().equals("none")) {
        continue; // -Dbench.databases=none: only the stages without a database (feel)
      }
      if (db.trim().equals("postgres") && !SharedPostgres.answers()) {
        results.note("PostgreSQL", "not measured: nothing answers on 127.0.0.1:5432");
        continue;
      }
      try (BenchDatabase database = db.trim().equals("postgres") ? BenchDatabase.postgres() : BenchDatabase.h2()) {
        runOn(database);
      } catch (Exception | Error e) {
        e.printStackTrace();
        results.note(db, "stopped early: " + e);
      } finally {
        ClockUtil.reset();
        clockOffset = 0;
      }
    }
    String table = results.markdown(String.format(Locale.ROOT, "load average at the end %.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.println();
    System.out.println(table);
    Path out = Path.of(System.getProperty("bench.out", "target/bench/results.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
    System.out.println("written to " + out.toAbsolutePath());
  }

  private void runOn(BenchDatabase database) throws Exception {
    String db = database.label();
    if (STAGES.contains("startup")) {
      startUp(database);
    }
    List<String> properties = new ArrayList<>(database.properties());
    properties.addAll(EXTRA);
    if (STAGES.contains("reports")) {
      // A database of its own, so the 100,000 handoffs' history weighs on no other stage (it has no jobs to run).
      try (BenchDatabase reportsDatabase = database instanceof BenchDatabase.Postgres ? BenchDatabase.postgres() : BenchDatabase.h2();
          Node reports = Node.start("bench-reports", reportsDatabase.profiles(),
          withExtra(reportsDatabase.properties()))) {
        ReportsBenchmark.run(reports, db, results);
      }
    }
    if (STAGES.stream().noneMatch(List.of("intake", "e2e", "storm", "cleanup")::contains)) {
      return;
    }
    try (Node first = Node.start("bench-1", database.profiles(), properties)) {
      ProcessEngine engine = first.engine();
      JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
      deployFloorProcesses(engine);

      Rate floor = engineFloor(engine);
      results.add(db, "engine floor: start+complete of an empty process, " + CLIENTS + " threads",
          floor.describe("instances"), "", floor, floor);

      Rate timerFloor = timerFloor(first);
      results.add(db, "engine floor: " + timerFloor.count + " due timers of an empty process fired, 1 node",
          timerFloor.describe("timers"), "", timerFloor, floor);

      if (STAGES.contains("intake")) {
        // The intake's own cost: the job executor paused, as on a node that only takes requests.
        first.jobExecutor().shutdown();
        Rate intakeAlone;
        try {
          intakeAlone = intake(first, "A");
        } finally {
          first.jobExecutor().start();
        }
        results.add(db, "intake: POST /api/handoffs, " + CLIENTS + " clients, job executor paused (intake-only node)",
            intakeAlone.describe("accepted"), db.startsWith("H2") ? "≥ 300/s, p99 ≤ 100 ms" : "", intakeAlone, floor);
        awaitNoBacklog(first, "intake backlog");
        Rate intake = intake(first, "I");
        results.add(db, "intake: POST /api/handoffs, " + CLIENTS + " clients, job executor on",
            intake.describe("accepted"), db.startsWith("H2") ? "≥ 300/s, p99 ≤ 100 ms" : "", intake, floor);
        awaitNoBacklog(first, "intake backlog");
      }
      if (STAGES.contains("e2e")) {
        Rate endToEnd = endToEnd(first, jdbc);
        results.add(db, "end to end: intake → Account Owner Chatter post recorded",
            endToEnd.describe("handoffs"), db.startsWith("H2") ? "≥ 100/s" : "", endToEnd, floor);
      }
      if (!STAGES.contains("storm") && !STAGES.contains("metrics")) {
        return;
      }

      int running = topUpRunningHandoffs(first);
      if (STAGES.contains("metrics")) {
        metricsReadings(first, jdbc, db, running);
      }
      if (!STAGES.contains("storm")) {
        return;
      }
      long heap = heapAfterGc();
      results.add(db, "heap after GC with " + running + " running handoffs (1 node)",
          (heap >> 20) + " MB", "≤ 512 MB", null, null);

      Rate oneNode = timerStorm(List.of(first), jdbc, "005U2", running);
      results.add(db, "timer storm: " + running + " due R11 escalations, 1 node (timer → Chatter → Slack)",
          oneNode.describe("escalations"), db.startsWith("Postgre") ? "≤ 60 s" : "", oneNode, timerFloor);

      try (Node second = Node.start("bench-2", database.profiles(), properties)) {
        Rate twoNodes = timerStorm(List.of(first, second), jdbc, "005U3", running);
        results.add(db, "timer storm: " + running + " due R11 escalations, 2 nodes (next rung)",
            twoNodes.describe("escalations"), db.startsWith("Postgre") ? "≥ 1.6× faster than 1 node" : "",
            twoNodes, timerFloor);
        results.note(db, String.format(Locale.ROOT, "two nodes vs one: %.2f× (%.1f s vs %.1f s)",
            oneNode.seconds / twoNodes.seconds, twoNodes.seconds, oneNode.seconds));
      }

      if (STAGES.contains("cleanup")) {
        cleanUp(first, database, jdbc);
      }
    }
  }

  private static List<String> withExtra(List<String> properties, String... more) {
    List<String> all = new ArrayList<>(properties);
    all.addAll(EXTRA);
    all.addAll(List.of(more));
    return all;
  }

  // ---------------------------------------------------------------- start-up

  /**
   * A new JVM as an operator starts one ({@code java -jar} of the packaged application, which
   * {@code -Pbench verify} has just built; this JVM's class path otherwise), timed from launch to
   * readiness UP: first on a fresh database, then a restart.
   */
  private void startUp(BenchDatabase database) throws Exception {
    Path jar = Path.of("target", "sales-handoff-0.1.0-SNAPSHOT.jar");
    String how = Files.isRegularFile(jar) ? "java -jar" : "class path";
    for (String which : List.of("first start, empty database", "restart")) {
      List<String> properties = new ArrayList<>(database.properties());
      properties.add("--camunda.bpm.generate-unique-process-engine-name=true");
      try (NodeProcess node = Files.isRegularFile(jar)
          ? NodeProcess.startJar(jar, "bench-startup", database.profiles(), properties)
          : NodeProcess.start("bench-startup", database.profiles(), properties)) {
        String result;
        try {
          result = String.format(Locale.ROOT, "%.1f s", node.awaitReady(Duration.ofMinutes(2)).toMillis() / 1000.0);
        } catch (IllegalStateException notReady) {
          result = notReady.getMessage();
        }
        results.add(database.label(), "start-up to readiness UP, new JVM, " + how + " (" + which + ")",
            result, "≤ 15 s", null, null);
      }
    }
  }

  // ---------------------------------------------------------------- floors

  private static void deployFloorProcesses(ProcessEngine engine) {
    BpmnModelInstance empty = Bpmn.createExecutableProcess("benchEmpty").camundaHistoryTimeToLive(180)
        .startEvent().endEvent().done();
    // The same kind of timer as R11's escalation: PT24H on the business calendar.
    BpmnModelInstance timer = Bpmn.createExecutableProcess("benchTimer").camundaHistoryTimeToLive(180)
        .startEvent().intermediateCatchEvent("benchTimerDue").timerWithDuration("PT24H").endEvent().done();
    engine.getRepositoryService().createDeployment().name("benchmark floor")
        .addModelInstance("benchEmpty.bpmn", empty).addModelInstance("benchTimer.bpmn", timer).deploy();
  }

  private Rate engineFloor(ProcessEngine engine) throws Exception {
    concurrently(200, CLIENTS, i -> engine.getRuntimeService().startProcessInstanceByKey("benchEmpty"));
    return timedConcurrently(FLOOR, CLIENTS, i -> engine.getRuntimeService().startProcessInstanceByKey("benchEmpty"));
  }

  private Rate timerFloor(Node node) throws Exception {
    ProcessEngine engine = node.engine();
    int timers = RUNNING;
    concurrently(timers, 8, i -> engine.getRuntimeService().startProcessInstanceByKey("benchTimer"));
    Stopwatch watch = moveClockAndWake(Duration.ofDays(8), List.of(node));
    boolean done = waitFor(STAGE_LIMIT, Duration.ofMillis(100),
        () -> engine.getManagementService().createJobQuery().processDefinitionKey("benchTimer").count() == 0);
    return Rate.of(timers, watch, done);
  }

  // ---------------------------------------------------------------- intake and end to end

  private Rate intake(Node node, String prefix) throws Exception {
    return intake(node, prefix, INTAKE);
  }

  /** {@value #CLIENTS} clients post {@code count} handoffs (ticket ids {@code prefix}N), each call timed. */
  static Rate intake(Node node, String prefix, int count) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create("http://127.0.0.1:" + node.port() + "/api/handoffs");
    AtomicInteger accepted = new AtomicInteger();
    IntConsumer post = i -> {
      String body = """
          {"ticketId": "%s%d", "requesterEmail": "buyer%d@acme.com", "requestType": "ALTERNATIVE_PAYMENT_METHOD",
           "summary": "Pays by wire transfer", "engineer": "sam", "priority": "normal", "tier": "PREMIUM", "seatsNeeded": 10}
          """.formatted(prefix, i, i);
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 201) {
          accepted.incrementAndGet();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    concurrently(100, 4, i -> post.accept(1_000_000 + i));
    Rate rate = timedConcurrently(count, CLIENTS, post);
    rate.count = accepted.get() - 100;
    rate.extra = (count + 100 - accepted.get()) == 0 ? "" : (count + 100 - accepted.get()) + " not accepted";
    return rate;
  }

  private Rate endToEnd(Node node, JdbcTemplate jdbc) throws Exception {
    return endToEnd(node, jdbc, "E", E2E);
  }

  /**
   * {@code count} handoffs (tickets {@code prefix}N) started at once by 16 clients, timed until the last
   * Account Owner mention is in the outbox.
   */
  static Rate endToEnd(Node node, JdbcTemplate jdbc, String prefix, int count) throws Exception {
    HandoffIntake intake = node.bean(HandoffIntake.class);
    Stopwatch watch = new Stopwatch();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int i = 0; i < count; i++) {
        int n = i;
        clients.submit(() -> intake.start(request(prefix + n), USER));
      }
      boolean done = waitFor(STAGE_LIMIT, Duration.ofMillis(100), () -> jdbc.queryForObject(
          "SELECT count(*) FROM sandbox_outbox WHERE action = 'CHATTER_POST' AND target = '005U1' AND ticket_id LIKE ?",
          Long.class, prefix + "%") >= count);
      return Rate.of(count, watch, done);
    } finally {
      clients.shutdownNow();
    }
  }

  private int topUpRunningHandoffs(Node node) throws Exception {
    HandoffIntake intake = node.bean(HandoffIntake.class);
    int running = (int) node.engine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(HandoffIntake.PROCESS_KEY).count();
    concurrently(Math.max(0, RUNNING - running), 8, i -> intake.start(request("R" + i), USER));
    awaitNoBacklog(node, "running handoffs");
    return (int) node.engine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(HandoffIntake.PROCESS_KEY).count();
  }

  // ---------------------------------------------------------------- metrics (issue #14)

  /**
   * What one uncached reading of each database gauge costs with {@code running} handoffs waiting for
   * Sales (their variables and timers in the runtime tables): 25 readings each, median and slowest. A
   * scrape pays this at most once per {@code handoff.metrics.cache-for}.
   */
  private void metricsReadings(Node node, JdbcTemplate jdbc, String db, int running) {
    MetricsProperties uncached = new MetricsProperties(Duration.ZERO);
    ProcessEngine engine = node.engine();
    WaitingForSalesMetrics waiting = new WaitingForSalesMetrics(jdbc, engine, uncached);
    IncidentsBySystemMetrics incidents = new IncidentsBySystemMetrics(jdbc, engine, uncached);
    JobBacklogMetrics jobs = new JobBacklogMetrics(engine.getManagementService(), engine.getRuntimeService(), engine, jdbc,
        uncached);
    long waitingNow = waiting.waitingByLevel().values().stream().mapToLong(Long::longValue).sum();
    long timers = engine.getManagementService().createJobQuery().timers().count();
    timeReading(db, "handoff.waiting.for.sales (" + waitingNow + " waiting, " + running + " running handoffs)",
        waiting::waitingByLevel);
    timeReading(db, "handoff.incidents.by-system (" + incidents.openBySystem().values().stream().mapToLong(Long::longValue).sum()
        + " open)", incidents::openBySystem);
    timeReading(db, "handoff.jobs.* and handoff.incidents.open, 5 counts (" + timers + " timers waiting)", jobs::counts);
  }

  private void timeReading(String db, String what, Supplier<?> reading) {
    // The first reading is the one a scrape pays on a live database: H2 hands back the result of an
    // unchanged query on unchanged tables again (OPTIMIZE_REUSE_RESULTS), so the repeats can be far cheaper.
    long firstStarted = System.nanoTime();
    reading.get();
    long firstMicros = (System.nanoTime() - firstStarted) / 1_000;
    long[] micros = new long[25];
    for (int i = 0; i < micros.length; i++) {
      long started = System.nanoTime();
      reading.get();
      micros[i] = (System.nanoTime() - started) / 1_000;
    }
    Arrays.sort(micros);
    results.add(db, "metrics: one reading of " + what, String.format(Locale.ROOT,
        "first %.1f ms; then median %.1f ms, slowest %.1f ms", firstMicros / 1000.0,
        micros[micros.length / 2] / 1000.0, micros[micros.length - 1] / 1000.0), "", null, null);
  }

  private static HandoffRequest request(String ticketId) {
    return new HandoffRequest(ticketId, "buyer-" + ticketId.toLowerCase(Locale.ROOT) + "@acme.com",
        "ALTERNATIVE_PAYMENT_METHOD", "Pays by wire transfer", "sam", "normal", true, "PREMIUM",
        false, false, false, 10, null);
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // ---------------------------------------------------------------- timer storm

  /** Moves the clock past every escalation; timed until each handoff mentioned {@code mentioned} and no job is left. */
  private Rate timerStorm(List<Node> nodes, JdbcTemplate jdbc, String mentioned, int handoffs) {
    long[] jobsBefore = nodes.stream().mapToLong(Node::jobsExecuted).toArray();
    Stopwatch watch = moveClockAndWake(Duration.ofDays(8), nodes);
    long started = watch.startedNanos;
    long[] timersFiredAt = {0};
    boolean done = waitFor(STAGE_LIMIT, Duration.ofMillis(200), () -> {
      if (timersFiredAt[0] == 0 && nodes.get(0).engine().getManagementService().createJobQuery()
          .activityId("escalationDue").timers().executable().count() == 0) {
        timersFiredAt[0] = System.nanoTime();
      }
      return jdbc.queryForObject("SELECT count(*) FROM sandbox_outbox WHERE action = 'CHATTER_POST' AND target = ?",
          Long.class, mentioned) >= handoffs
          && nodes.get(0).engine().getManagementService().createJobQuery().executable().count() == 0;
    });
    Rate rate = Rate.of(handoffs, watch, done);
    StringBuilder extra = new StringBuilder();
    if (timersFiredAt[0] != 0) {
      extra.append(String.format(Locale.ROOT, "timers all fired after %.1f s; ", (timersFiredAt[0] - started) / 1e9));
    }
    for (int i = 0; i < nodes.size(); i++) {
      extra.append(nodes.get(i).name()).append(' ').append(nodes.get(i).jobsExecuted() - jobsBefore[i]).append(" jobs; ");
    }
    rate.extra = extra.toString().trim();
    return rate;
  }

  private Stopwatch moveClockAndWake(Duration by, List<Node> nodes) {
    clockOffset += by.toMillis();
    ClockUtil.offset(clockOffset);
    Stopwatch watch = new Stopwatch();
    nodes.forEach(Node::wakeJobExecutor);
    return watch;
  }

  private void awaitNoBacklog(Node node, String what) {
    if (!waitFor(STAGE_LIMIT, Duration.ofMillis(250),
        () -> node.engine().getManagementService().createJobQuery().executable().count() == 0)) {
      results.note(node.name(), what + ": jobs still due after " + STAGE_LIMIT.toMinutes() + " min");
    }
  }

  // ---------------------------------------------------------------- history clean-up

  private void cleanUp(Node node, BenchDatabase database, JdbcTemplate jdbc) {
    ProcessEngine engine = node.engine();
    long rowsBefore = historyRows(jdbc);
    long bytesBefore = database.sizeBytes(jdbc);
    // The handoffs end (here: cancelled); their history stays for historyTimeToLive (P180D) after the end.
    List<String> ids = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(HandoffIntake.PROCESS_KEY).list().stream().map(ProcessInstance::getId).toList();
    // Small chunks: the engine sorts one flush's operations in quadratic time.
    for (int from = 0; from < ids.size(); from += 20) {
      engine.getRuntimeService().deleteProcessInstances(ids.subList(from, Math.min(ids.size(), from + 20)),
          "benchmark over", true, true, false);
    }
    long rowsEnded = historyRows(jdbc);
    moveClockAndWake(Duration.ofDays(181), List.of(node));
    long started = System.nanoTime();
    engine.getHistoryService().cleanUpHistoryAsync(true);
    node.wakeJobExecutor();
    long[] last = {rowsEnded, System.nanoTime()};
    boolean settled = waitFor(STAGE_LIMIT, Duration.ofSeconds(1), () -> {
      long rows = historyRows(jdbc);
      if (rows < last[0]) {
        last[0] = rows;
        last[1] = System.nanoTime();
      }
      return rows == 0 || System.nanoTime() - last[1] > Duration.ofSeconds(15).toNanos();
    });
    double seconds = (last[1] - started) / 1e9;
    database.reclaim(jdbc);
    long bytesAfter = database.sizeBytes(jdbc);
    results.add(database.label(), "history clean-up (removal time, TTL P180D) after the handoffs ended",
        String.format(Locale.ROOT, "history rows %,d → %,d in %.0f s%s; database %,d MB → %,d MB",
            rowsEnded, last[0], seconds, settled ? "" : " (still running)", bytesBefore >> 20, bytesAfter >> 20),
        "", null, null);
    results.note(database.label(), String.format(Locale.ROOT, "history rows while %,d handoffs ran: %,d",
        ids.size(), rowsBefore));
  }

  private static long historyRows(JdbcTemplate jdbc) {
    long rows = 0;
    for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST",
        "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
        "ACT_HI_JOB_LOG", "ACT_HI_INCIDENT", "ACT_HI_OP_LOG", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT")) {
      Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
      rows += count == null ? 0 : count;
    }
    return rows;
  }

  // ---------------------------------------------------------------- plumbing

  static boolean waitFor(Duration limit, Duration poll, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  private static void concurrently(int count, int threads, IntConsumer work) throws Exception {
    timedConcurrently(count, threads, work);
  }

  /** {@code count} calls spread over {@code threads}, each call timed. */
  private static Rate timedConcurrently(int count, int threads, IntConsumer work) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Stopwatch watch = new Stopwatch();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long callStarted = System.nanoTime();
            work.accept(i);
            latencies[i] = System.nanoTime() - callStarted;
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(STAGE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Rate rate = Rate.of(count, watch, true);
    if (count == 0) {
      return rate;
    }
    Arrays.sort(latencies);
    rate.p50 = latencies[count / 2] / 1e6;
    rate.p99 = latencies[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
    return rate;
  }

  /** A count over a time, with latency percentiles where each call was timed. */
  static final class Rate {
    int count;
    double seconds;
    boolean complete;
    Double p50;
    Double p99;
    String extra = "";

    double jvmCpu;
    double postgresCpu;

    static Rate of(int count, Stopwatch watch, boolean complete) {
      Rate rate = new Rate();
      rate.count = count;
      rate.seconds = watch.seconds();
      rate.jvmCpu = watch.jvmCpuSeconds();
      rate.postgresCpu = watch.postgresCpuSeconds();
      rate.complete = complete;
      return rate;
    }

    double perSecond() {
      return count / seconds;
    }

    String describe(String unit) {
      String text = String.format(Locale.ROOT, "%,d %s in %.1f s = %.0f/s", count, unit, seconds, perSecond());
      if (p50 != null) {
        text += String.format(Locale.ROOT, ", p50 %.0f ms, p99 %.0f ms", p50, p99);
      }
      if (!complete) {
        text += " (NOT finished within " + STAGE_LIMIT.toMinutes() + " min)";
      }
      if (count > 0) {
        text += String.format(Locale.ROOT, "; CPU per %s: JVM %.1f ms", unit.replaceAll("s$", ""), jvmCpu * 1000 / count)
            + (postgresCpu * 1000 / count >= 0.05 ? String.format(Locale.ROOT, " + PostgreSQL %.1f ms", postgresCpu * 1000 / count) : "");
      }
      return text + (extra.isEmpty() ? "" : "; " + extra);
    }
  }
}
