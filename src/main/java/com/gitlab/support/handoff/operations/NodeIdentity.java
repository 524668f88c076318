package com.gitlab.support.handoff.operations;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names this node in the shared database (the Spring Boot starter has no lock-owner setting), and
 * counts the jobs it executes: in a cluster, operators see which node holds a job and which node works.
 */
@Component
public class NodeIdentity extends AbstractProcessEnginePlugin {

  private final String nodeName;
  private final JobExecutionCounter jobExecutions;

  public NodeIdentity(ClusterProperties cluster, JobExecutionCounter jobExecutions) {
    this.nodeName = cluster.nodeName();
    this.jobExecutions = jobExecutions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(nodeName);
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(jobExecutions);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeName);
    }
  }

  public String nodeName() {
    return nodeName;
  }
}
