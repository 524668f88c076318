package com.gitlab.support.handoff.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * {@code handoff.jobs.executed} (tags {@code node}, {@code outcome=success|failure}): the jobs this node
 * executed, counted around the engine's own execute-job command, so job executor and
 * {@code ManagementService#executeJob} alike. Its rate is the node's share of the cluster's work.
 */
@Component
public class JobExecutionCounter extends CommandInterceptor {

  public static final String METER = "handoff.jobs.executed";

  private final Counter succeeded;
  private final Counter failed;

  public JobExecutionCounter(MeterRegistry meters, ClusterProperties cluster) {
    this.succeeded = counter(meters, cluster, "success");
    this.failed = counter(meters, cluster, "failure");
  }

  private static Counter counter(MeterRegistry meters, ClusterProperties cluster, String outcome) {
    return Counter.builder(METER).description("Jobs executed by this node")
        .tag("node", cluster.nodeName()).tag("outcome", outcome).register(meters);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!(command instanceof ExecuteJobsCmd)) {
      return next.execute(command);
    }
    try {
      T result = next.execute(command);
      succeeded.increment();
      return result;
    } catch (RuntimeException | Error e) {
      failed.increment();
      throw e;
    }
  }

  /** Jobs this node completed, since start. */
  public long succeeded() {
    return (long) succeeded.count();
  }

  public long failed() {
    return (long) failed.count();
  }
}
