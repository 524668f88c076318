package com.gitlab.support.handoff.operations;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node is known in a cluster: {@code handoff.cluster.node-name} becomes the job executor's
 * lock owner (ACT_RU_JOB.LOCK_OWNER_), the engine's host name (reporter of ACT_RU_METER_LOG, HOSTNAME_
 * of the job log) and the {@code node} tag of the job metrics. Blank: host name and process id.
 *
 * @param nodeName this node's name in the cluster: the job executor's lock owner and the node tag
 *     of handoff.jobs.executed; give each node its own. Blank: host name and process id
 */
@ConfigurationProperties("handoff.cluster")
public record ClusterProperties(String nodeName) {

  public ClusterProperties {
    if (nodeName == null || nodeName.isBlank()) {
      nodeName = hostName() + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
    nodeName = nodeName.trim();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
