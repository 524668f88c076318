package com.gitlab.support.handoff.bench;

import com.gitlab.support.handoff.operations.Node;
import com.gitlab.support.handoff.reports.ReportsController;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stage {@code reports}: the SLA reports over {@code bench.reports.handoffs} (100,000) finished handoffs. Their
 * history is written straight into Camunda's history tables with SQL (as the engine would have left it at level
 * audit: the root salesHandoff, the role workflow's wait and answer, the escalation level, the SMB case's
 * pick-up and closing), spread over the last 52 weeks; then each report is computed through its controller for
 * the default 12 weeks and for a whole year: the first call, and the median of 5 more.
 */
final class ReportsBenchmark {

  static final int HANDOFFS = Integer.getInteger("bench.reports.handoffs", 100_000);
  private static final List<String> REPORTS = List.of("waiting-handoffs", "escalation-levels", "answer-times",
      "not-passed", "smb-pickup", "smb-closing", "advocate-load");
  private static final int BATCH = 2_000;

  private ReportsBenchmark() {}

  static void run(Node node, String db, Results results) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) node.engine().getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long began = System.nanoTime();
    try (java.sql.Connection connection = configuration.getDataSource().getConnection()) {
      connection.setAutoCommit(false);
      new History(connection, prefix, now).write(HANDOFFS);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("writing the reports' history failed", e);
    }
    if (db.startsWith("Postgre")) {
      jdbc.execute("ANALYZE");
    }
    results.add(db, "reports: " + HANDOFFS + " finished handoffs' history written by SQL",
        String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - began) / 1e9), "", null, null);

    ReportsController reports = node.bean(ReportsController.class);
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    String yearAgo = today.minusDays(364).toString();
    for (String name : REPORTS) {
      // The first call of each is cold; H2 may answer a repeated identical query from its result cache.
      double[] twelveWeeks = millis(() -> reports.report(name, null, null, "application/json"));
      double[] year = millis(() -> reports.report(name, yearAgo, today.toString(), "application/json"));
      double[] csv = millis(() -> reports.reportAsCsv(name, yearAgo, today.toString()));
      Object table = reports.report(name, yearAgo, today.toString(), "application/json").getBody();
      int rows = ((com.gitlab.support.handoff.reports.ReportTable) table).rows().size();
      results.add(db, "report " + name + ": 12 weeks / 52 weeks (" + rows + " rows) / 52 weeks as CSV, first call (median of 5 more)",
          String.format(Locale.ROOT, "%.0f (%.0f) / %.0f (%.0f) / %.0f (%.0f) ms", twelveWeeks[0], twelveWeeks[1], year[0], year[1],
              csv[0], csv[1]), "", null, null);
    }
  }

  /** The first call's time and the median of five more, in milliseconds. */
  private static double[] millis(java.util.function.Supplier<ResponseEntity<?>> call) {
    double first = time(call);
    double[] more = new double[5];
    for (int i = 0; i < more.length; i++) {
      more[i] = time(call);
    }
    Arrays.sort(more);
    return new double[] {first, more[more.length / 2]};
  }

  private static double time(java.util.function.Supplier<ResponseEntity<?>> call) {
    long start = System.nanoTime();
    ResponseEntity<?> answer = call.get();
    double millis = (System.nanoTime() - start) / 1e6;
    if (!answer.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("report answered " + answer.getStatusCode());
    }
    return millis;
  }

  /** Writes finished handoffs' history rows in batches. */
  private static final class History {
    private static final String[] REGIONS = {"AMER", "EMEA", "APJ"};
    private static final String[] NOT_PASSED_TYPES = {"PLAN_UPGRADE", "PRODUCT_QUESTION", "LICENSE_ISSUE"};

    private final java.sql.Connection connection;
    private final String procinst;
    private final String actinst;
    private final String varinst;
    private final Instant now;
    private final Random random = new Random(14);
    private final List<Object[]> processes = new ArrayList<>();
    private final List<Object[]> activities = new ArrayList<>();
    private final List<Object[]> variables = new ArrayList<>();
    private long ids;

    History(java.sql.Connection connection, String prefix, Instant now) {
      this.connection = connection;
      this.procinst = "INSERT INTO " + prefix + "ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, "
          + "START_TIME_, END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, SUPER_PROCESS_INSTANCE_ID_, ROOT_PROC_INST_ID_, STATE_) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED')";
      this.actinst = "INSERT INTO " + prefix + "ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, "
          + "EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)";
      this.varinst = "INSERT INTO " + prefix + "ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, "
          + "EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, REV_, TEXT_, LONG_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'CREATED')";
      this.now = now;
    }

    void write(int handoffs) throws java.sql.SQLException {
      for (int i = 0; i < handoffs; i++) {
        handoff(i);
        if (processes.size() >= BATCH) {
          flush();
        }
      }
      flush();
    }

    private void handoff(int i) {
      Instant started = now.minus(Duration.ofMinutes(30 + random.nextInt(52 * 7 * 24 * 60)));
      String root = id();
      String ticket = "B" + i;
      int kind = random.nextInt(100);
      if (kind < 20) {
        String type = NOT_PASSED_TYPES[random.nextInt(NOT_PASSED_TYPES.length)];
        Instant ended = started.plus(Duration.ofMinutes(10 + random.nextInt(600)));
        process(root, ticket, "salesHandoff", started, ended, kind < 17 ? "answeredBySupport" : "answeredWithQuoteMacro", null, root);
        text(root, root, "salesHandoff", "requestType", type);
        text(root, root, "salesHandoff", "macro", "Macro for " + type);
        return;
      }
      String region = REGIONS[random.nextInt(REGIONS.length)];
      Instant asked = started.plus(Duration.ofMinutes(1));
      Instant answered = asked.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
      Instant ended = answered.plus(Duration.ofDays(2));
      process(root, ticket, "salesHandoff", started, ended, "handedOffToSales", null, root);
      text(root, root, "salesHandoff", "requestType", "ALTERNATIVE_PAYMENT_METHOD");
      text(root, root, "salesHandoff", "salesRegion", region);
      String role = kind < 60 ? "namedAccountOwnerHandoff" : kind < 75 ? "otherAccountOwnerHandoff" : "smbSalesUserHandoff";
      String call = kind < 60 ? "callNamedAccountOwnerHandoff" : kind < 75 ? "callOtherAccountOwnerHandoff" : "callSmbSalesUserHandoff";
      activity(root, root, "salesHandoff", call, "callActivity", started, ended);
      String workflow = id();
      process(workflow, ticket, role, started, ended, "handoffCompleted", root, root);
      if (role.equals("smbSalesUserHandoff")) {
        activity(workflow, root, role, "waitForPickup", "subProcess", asked, answered);
        activity(workflow, root, role, "smbCasePickedUp", "boundaryMessage", answered, answered);
        smbCase(ticket, asked);
        return;
      }
      String await = id();
      process(await, ticket, "awaitSalesConfirmation", asked, ended, "customerContactChecked", workflow, root);
      activity(await, root, "awaitSalesConfirmation", "waitForSales", "subProcess", asked, answered);
      activity(await, root, "awaitSalesConfirmation", "salesConfirmedContact", "boundaryMessage", answered, answered);
      long level = random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(3);
      number(await, root, "awaitSalesConfirmation", "escalationLevel", level);
      if (level == 3 && random.nextBoolean()) {
        activity(await, root, "awaitSalesConfirmation", "followUpWithoutSales", "userTask", answered, answered);
      }
    }

    private void smbCase(String ticket, Instant opened) {
      String id = id();
      Instant pickedUp = opened.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
      Instant closed = pickedUp.plus(Duration.ofHours(1 + random.nextInt(20 * 24)));
      process(id, "SMB-" + ticket, "smbCase", opened, closed.plus(Duration.ofDays(60)), "caseClosed", null, id);
      activity(id, id, "smbCase", "pickUpCase", "userTask", opened, pickedUp);
      activity(id, id, "smbCase", "stampClosedAt", "task", closed, closed);
      if (Duration.between(opened, closed).toDays() > 21) {
        Instant breach = opened.plus(Duration.ofDays(21));
        activity(id, id, "smbCase", "warnFifteenDays", "serviceTask", breach, breach);
      }
      text(id, id, "smbCase", "advocate", "advocate" + random.nextInt(12));
      text(id, id, "smbCase", "caseStatus", "Closed: Resolved");
    }

    private void process(String id, String key, String definition, Instant start, Instant end, String endActivity,
        String superInstance, String root) {
      processes.add(new Object[] {id, id, key, definition, definition + ":1:bench", ts(start), ts(end),
          Duration.between(start, end).toMillis(), "start", endActivity, superInstance, root});
    }

    private void activity(String instance, String root, String definition, String activityId, String type, Instant start,
        Instant end) {
      activities.add(new Object[] {id(), definition, definition + ":1:bench", root, instance, instance, activityId, type,
          ts(start), ts(end), Duration.between(start, end).toMillis()});
    }

    private void text(String instance, String root, String definition, String name, String value) {
      variables.add(new Object[] {id(), definition, definition + ":1:bench", root, instance, instance, instance, name,
          "string", value, null});
    }

    private void number(String instance, String root, String definition, String name, long value) {
      variables.add(new Object[] {id(), definition, definition + ":1:bench", root, instance, instance, instance, name,
          "long", null, value});
    }

    /** One transaction a batch: a commit per row would measure the disk, not the reports. */
    private void flush() throws java.sql.SQLException {
      insert(procinst, processes);
      insert(actinst, activities);
      insert(varinst, variables);
      connection.commit();
    }

    private void insert(String sql, List<Object[]> rows) throws java.sql.SQLException {
      try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
          }
          statement.addBatch();
        }
        statement.executeBatch();
      }
      rows.clear();
    }

    private String id() {
      return "bench-" + (++ids);
    }

    private static Timestamp ts(Instant instant) {
      return Timestamp.from(instant);
    }
  }
}
