package com.gitlab.support.handoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gitlab.support.handoff.intake.HandoffIntake;
import com.gitlab.support.handoff.intake.HandoffRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, as production runs a cluster: both run the job
 * executor against the shared tables. {@value #DEFAULT_HANDOFFS} handoffs to a Named Account Owner
 * (acme.com) wait for Sales; the engine clock then moves past their "24 business hours", so every R11
 * escalation comes due at once, and one node is shut down while the escalations are being posted.
 *
 * <p>Needs PostgreSQL on 127.0.0.1:5432 (CI has it); skipped without. Handoffs:
 * {@code -Dhandoff.cluster.handoffs=N}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoNodeClusterIT {

  static final int DEFAULT_HANDOFFS = 1000;
  static final int HANDOFFS = Integer.getInteger("handoff.cluster.handoffs", DEFAULT_HANDOFFS);
  static final String OWNER = "005U1";
  static final String OWNERS_MANAGER = "005U2";
  /** Past every "24 business hours", weekends included, and past the lock time of a killed node's jobs. */
  static final Duration ESCALATIONS_DUE = Duration.ofDays(8);
  static final Duration LOCKS_OF_THE_KILLED_NODE_EXPIRED = ESCALATIONS_DUE.plusMinutes(10);

  static SharedPostgres database;
  static Node nodeA;
  static Node nodeB;

  @BeforeAll
  static void twoNodesOnOneDatabase() {
    Assumptions.assumeTrue(SharedPostgres.answers(),
        "PostgreSQL does not answer on 127.0.0.1:5432: the two-node cluster test needs it (CI has it), so it is skipped");
    database = SharedPostgres.createSchema("cluster");
    // One after the other: the first node creates the schema and deploys; the second finds both.
    nodeA = Node.start("node-a", List.of("postgres"), database.nodeProperties());
    nodeB = Node.start("node-b", List.of("postgres"), database.nodeProperties());
  }

  @AfterAll
  static void shutDown() {
    ClockUtil.reset();
    for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, database}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        System.err.println("cluster test clean-up: " + e);
      }
    }
  }

  @Test
  @DisplayName("Two nodes, one database: every due R11 escalation is posted once, no job is lost, both nodes work, "
      + "and when one node stops halfway the other finishes")
  void dueEscalationsSurviveANodeStoppingHalfway() throws Exception {
    long started = System.nanoTime();
    givenHandoffsWaitingForSales();
    log("%,d handoffs wait for Sales (intake on both nodes, %,d + %,d jobs) after %s",
        HANDOFFS, nodeA.jobsExecuted(), nodeB.jobsExecuted(), since(started));

    long jobsOfABefore = nodeA.jobsExecuted();
    long jobsOfBBefore = nodeB.jobsExecuted();
    long stormStarted = System.nanoTime();
    ClockUtil.offset(ESCALATIONS_DUE.toMillis());
    nodeA.wakeJobExecutor();
    nodeB.wakeJobExecutor();

    // A third in, node-a goes: its context closes as a shutdown would, while both nodes are busy.
    await("a third of the escalations posted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> escalationPosts() >= HANDOFFS / 3);
    long postedBeforeTheStop = escalationPosts();
    long stopping = System.nanoTime();
    nodeA.close();
    long postedWhenStopped = escalationPosts();
    long jobsOfA = nodeA.jobsExecuted() - jobsOfABefore;
    log("node-a told to stop at %,d of %,d escalations, gone %s later at %,d, having run %,d jobs of the storm",
        postedBeforeTheStop, HANDOFFS, since(stopping), postedWhenStopped, jobsOfA);
    // A stopped node's acquired jobs stay locked until their lock expires; time passes for node-b.
    ClockUtil.offset(LOCKS_OF_THE_KILLED_NODE_EXPIRED.toMillis());
    nodeB.wakeJobExecutor();

    await("every escalation done by node-b").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> escalationPosts() >= HANDOFFS && slackPings() >= HANDOFFS && management().createJobQuery().executable().count() == 0);
    long jobsOfB = nodeB.jobsExecuted() - jobsOfBBefore;
    log("all %,d escalations done %s after they came due: node-a ran %,d jobs of the storm, node-b %,d; total %s",
        HANDOFFS, since(stormStarted), jobsOfA, jobsOfB, since(started));

    assertThat(postsPerTicket(OWNERS_MANAGER)).as("escalation Chatter posts per ticket (R11)")
        .hasSize(HANDOFFS).allSatisfy((ticket, posts) -> assertThat(posts).as("ticket " + ticket).isEqualTo(1L));
    assertThat(postsPerTicket(OWNER)).as("Account Owner Chatter posts per ticket (R9)")
        .hasSize(HANDOFFS).allSatisfy((ticket, posts) -> assertThat(posts).as("ticket " + ticket).isEqualTo(1L));
    assertThat(countPerTicket("SLACK_MESSAGE", null)).as("Slack pings per ticket (R15)")
        .hasSize(HANDOFFS).allSatisfy((ticket, pings) -> assertThat(pings).as("ticket " + ticket).isEqualTo(1L));

    assertThat(management().createJobQuery().executable().count()).as("jobs left to run").isZero();
    assertThat(runtime().createIncidentQuery().count()).as("incidents").isZero();
    assertThat(management().createJobQuery().activityId("escalationDue").timers()
        .duedateHigherThan(ClockUtil.getCurrentTime()).count())
        .as("handoffs waiting for the next rung of the ladder, 24 business hours ahead").isEqualTo(HANDOFFS);

    assertThat(jobsOfA).as("jobs node-a ran in the storm before it stopped").isPositive();
    assertThat(jobsOfB).as("jobs node-b ran in the storm").isPositive();
    assertThat(postedWhenStopped).as("escalations posted when node-a stopped: halfway, not all").isLessThan(HANDOFFS);
  }

  private void givenHandoffsWaitingForSales() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> starts = IntStream.range(0, HANDOFFS)
          .mapToObj(i -> clients.submit(() -> (i % 2 == 0 ? nodeA : nodeB).bean(HandoffIntake.class).start(
              new HandoffRequest(ticketId(i), "buyer" + i + "@acme.com", "ALTERNATIVE_PAYMENT_METHOD",
                  "Pays by wire transfer", "sam", "normal", true, "PREMIUM", false, false, false, 10, null),
              "sam")))
          .<Future<?>>map(f -> f)
          .toList();
      for (Future<?> start : starts) {
        start.get(2, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
    await("every handoff waiting at its escalation timer").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> management().createJobQuery().activityId("escalationDue").timers().count() == HANDOFFS
            && management().createJobQuery().executable().count() == 0);
  }

  private static String ticketId(int i) {
    return "C" + (10000 + i);
  }

  private long escalationPosts() {
    return jdbc().queryForObject(
        "SELECT count(*) FROM sandbox_outbox WHERE action = 'CHATTER_POST' AND target = ?", Long.class, OWNERS_MANAGER);
  }

  private long slackPings() {
    return jdbc().queryForObject("SELECT count(*) FROM sandbox_outbox WHERE action = 'SLACK_MESSAGE'", Long.class);
  }

  private Map<String, Long> postsPerTicket(String mentioned) {
    return countPerTicket("CHATTER_POST", mentioned);
  }

  private Map<String, Long> countPerTicket(String action, String target) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc().query("SELECT ticket_id, count(*) FROM sandbox_outbox WHERE action = ?"
            + (target == null ? "" : " AND target = '" + target + "'") + " GROUP BY ticket_id",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, action);
    return counts;
  }

  /** The node that is still up. */
  private static Node live() {
    return nodeB.isRunning() ? nodeB : nodeA;
  }

  private static JdbcTemplate jdbc() {
    return live().bean(JdbcTemplate.class);
  }

  private static ManagementService management() {
    return live().engine().getManagementService();
  }

  private static RuntimeService runtime() {
    return live().engine().getRuntimeService();
  }

  private static String since(long nanos) {
    return String.format("%.1f s", (System.nanoTime() - nanos) / 1e9);
  }

  private static void log(String format, Object... args) {
    System.out.printf("[cluster] " + format + "%n", args);
  }
}
