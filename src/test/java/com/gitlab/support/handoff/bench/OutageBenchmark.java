package com.gitlab.support.handoff.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.gitlab.support.handoff.operations.Node;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #16: what a Zendesk outage does to waiting work. {@code bench.outage-jobs} handoffs (200) each
 * have one Zendesk update to make when Zendesk (a WireMock) starts answering 503, for
 * {@code bench.outage-minutes} (10) of engine time; then it answers again. The node's real job
 * executor runs the jobs; the engine clock moves 15 s at a time once the jobs due have run. Once with
 * outage parking as configured in application.yaml, once with parking off (the retry cycle alone).
 * Figures at the outage's end: jobs parked, retries spent, incidents, calls to Zendesk; then how long
 * after the outage all updates were made.
 */
final class OutageBenchmark {

  static final int JOBS = Integer.getInteger("bench.outage-jobs", 200);
  static final Duration OUTAGE = Duration.ofMinutes(Long.getLong("bench.outage-minutes", 10));
  static final Duration STEP = Duration.ofSeconds(15);
  static final Duration AFTER_LIMIT = Duration.ofHours(3);
  static final String DATABASE = "H2 file";
  private static final String PROCESS = "benchZendeskNote";
  private static final String TICKETS = "/api/v2/tickets/.*\\.json";

  private OutageBenchmark() {}

  static void run(Results results) throws Exception {
    measure(results, "parking on (application.yaml)", List.of());
    measure(results, "parking off (retry cycle alone)", List.of("--handoff.jobs.outages.failures-to-park=2147483647"));
  }

  private static void measure(Results results, String mode, List<String> settings) throws Exception {
    WireMockServer zendesk = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
    zendesk.start();
    answer(zendesk, aResponse().withStatus(503));
    List<String> properties = new ArrayList<>();
    try (BenchDatabase.H2 database = new BenchDatabase.H2(BenchDatabase.applicationH2Options())) {
      properties.addAll(database.properties());
      properties.addAll(BenchmarkRunner.EXTRA);
      properties.addAll(List.of("--handoff.zendesk.base-url=" + zendesk.baseUrl(), "--handoff.zendesk.email=api@gitlab.com",
          "--handoff.zendesk.api-token=zd-t0ken", "--handoff.zendesk.escalated-to-sales-field-id=360001234567"));
      properties.addAll(settings);
      Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(30));
      ClockUtil.setCurrentTime(Date.from(t0));
      try (Node node = Node.start("bench-outage", database.profiles(), properties)) {
        ProcessEngine engine = node.engine();
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        engine.getRepositoryService().createDeployment().name("benchmark outage")
            .addModelInstance(PROCESS + ".bpmn", process()).deploy();
        // The jobs' retries before any failure: read while the job executor is paused.
        node.jobExecutor().shutdown();
        int initialRetries;
        try {
          for (int i = 0; i < JOBS; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "O" + i);
          }
          initialRetries = engine.getManagementService().createJobQuery().processDefinitionKey(PROCESS)
              .listPage(0, 1).get(0).getRetries();
        } finally {
          node.jobExecutor().start();
        }
        Stopwatch watch = new Stopwatch();
        Instant now = t0;
        for (; now.isBefore(t0.plus(OUTAGE)); now = now.plus(STEP)) {
          step(node, now);
        }
        Figures atEnd = figures(engine.getManagementService(), jdbc, zendesk, initialRetries);
        answer(zendesk, okJson("{\"ticket\":{\"id\":1},\"audit\":{\"id\":1}}"));
        Instant lastDone = null;
        for (; !now.isAfter(t0.plus(OUTAGE).plus(AFTER_LIMIT)); now = now.plus(STEP)) {
          step(node, now);
          if (jobsLeft(engine) == 0) {
            lastDone = now;
            break;
          }
        }
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        long calls = putCalls(zendesk);
        results.add(DATABASE, String.format(Locale.ROOT, "outage: Zendesk 503 for %d min under %d handoffs, %s",
                OUTAGE.toMinutes(), JOBS, mode),
            String.format(Locale.ROOT, "at the outage's end: %d jobs parked, %d of %d retries spent (%d jobs with "
                    + "all %d left), %d incidents, %d calls to Zendesk; all done %s after it (%d calls more, %d "
                    + "incidents in all); %.0f s wall time",
                atEnd.parked, atEnd.retriesSpent, JOBS * initialRetries, atEnd.untouched, initialRetries,
                atEnd.incidents, atEnd.calls,
                lastDone == null ? "NOT within " + AFTER_LIMIT.toHours() + " h" : minutes(Duration.between(t0.plus(OUTAGE), lastDone)),
                calls - atEnd.calls, incidents, watch.seconds()),
            "", null, null);
      } finally {
        ClockUtil.reset();
      }
    } finally {
      zendesk.stop();
    }
  }

  private record Figures(long parked, long retriesSpent, long untouched, long incidents, long calls) {}

  private static Figures figures(ManagementService management, JdbcTemplate jdbc, WireMockServer zendesk,
      int initialRetries) {
    List<Job> jobs = management.createJobQuery().processDefinitionKey(PROCESS).list();
    long spent = jobs.stream().mapToLong(job -> initialRetries - job.getRetries()).sum();
    long untouched = jobs.stream().filter(job -> job.getRetries() == initialRetries).count();
    Long parked = jdbc.queryForObject("SELECT count(*) FROM job_postponement WHERE reason = 'OUTAGE'", Long.class);
    long incidents = management.createJobQuery().processDefinitionKey(PROCESS).noRetriesLeft().count();
    return new Figures(parked == null ? 0 : parked, spent, untouched, incidents, putCalls(zendesk));
  }

  /** Moves the engine clock to {@code now} and lets the job executor run every job due then. */
  private static void step(Node node, Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    node.wakeJobExecutor();
    BenchmarkRunner.waitFor(Duration.ofMinutes(2), Duration.ofMillis(50), () ->
        node.engine().getManagementService().createJobQuery().processDefinitionKey(PROCESS).executable().count() == 0);
  }

  private static long jobsLeft(ProcessEngine engine) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(PROCESS).count();
  }

  private static long putCalls(WireMockServer zendesk) {
    return zendesk.countRequestsMatching(putRequestedFor(urlPathMatching(TICKETS)).build()).getCount();
  }

  private static void answer(WireMockServer zendesk, ResponseDefinitionBuilder answer) {
    zendesk.stubFor(put(urlPathMatching(TICKETS)).willReturn(answer));
  }

  private static String minutes(Duration duration) {
    return String.format(Locale.ROOT, "%.1f min", duration.toSeconds() / 60.0);
  }

  /** Start → "Add the note" (async, the real Zendesk delegate) → end. */
  private static BpmnModelInstance process() {
    return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("updateTicket").name("Add the note")
          .camundaAsyncBefore()
          .camundaDelegateExpression("${updateZendeskTicket}")
          .camundaInputParameter("ticketId", "${execution.processBusinessKey}")
          .camundaInputParameter("internalNote", "Passed to Sales")
        .endEvent()
        .done();
  }
}
