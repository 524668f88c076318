package com.gitlab.support.handoff;

import com.gitlab.support.handoff.connector.sandbox.Outbox;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the process tests: the whole application on an in-memory database with sandbox connectors,
 * the job executor off (tests run jobs with camunda-bpm-assert's {@code execute(job())}), the engine
 * clock reset after each test, and process test coverage recorded under target/.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(
    listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestCase {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected Outbox outbox;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The side effects the sandbox recorded for one ticket (or case), oldest first. */
  protected List<OutboxEntry> outboxFor(String ticketId) {
    return outbox.entries().stream().filter(e -> ticketId.equals(e.ticketId())).toList();
  }
}
