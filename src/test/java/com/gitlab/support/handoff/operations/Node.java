package com.gitlab.support.handoff.operations;

import com.gitlab.support.handoff.SalesHandoffApplication;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application node in this JVM: the whole Spring Boot application with its own engine, job
 * executor and web server on a free port, as a second server would run it against the shared database.
 */
public final class Node implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;
  private final JobExecutionCounter jobs;

  private Node(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.jobs = context.getBean(JobExecutionCounter.class);
  }

  /**
   * Starts a node with the demo profile (sandbox connectors, demo users), its job executor on, and
   * the given extra profiles and properties ({@code --name=value}).
   */
  public static Node start(String name, List<String> profiles, List<String> properties) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.deployment-aware=false",
        "--handoff.cluster.node-name=" + name,
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
        "--spring.main.banner-mode=off"));
    args.addAll(properties);
    List<String> active = new ArrayList<>(List.of("demo"));
    active.addAll(profiles);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SalesHandoffApplication.class)
        .profiles(active.toArray(String[]::new))
        .run(args.toArray(String[]::new));
    return new Node(name, context);
  }

  public String name() {
    return name;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ProcessEngine engine() {
    return bean(ProcessEngine.class);
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Jobs this node executed successfully since it started (still readable after {@link #close()}). */
  public long jobsExecuted() {
    return jobs.succeeded();
  }

  public JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor();
  }

  /** Wakes the job acquisition, e.g. after the engine clock moved and timers came due. */
  public void wakeJobExecutor() {
    if (context.isActive()) {
      jobExecutor().jobWasAdded();
    }
  }

  public boolean isRunning() {
    return context.isActive();
  }

  @Override
  public void close() {
    if (context.isActive()) {
      context.close();
    }
  }
}
