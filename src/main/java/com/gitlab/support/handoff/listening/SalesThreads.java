package com.gitlab.support.handoff.listening;

import com.gitlab.support.handoff.connector.ExternalSystem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The threads a handoff listens on for Sales' answer (R39), kept in {@code sales_thread} by the root
 * process instance: the Account Owner's post is made by the role workflow, the escalations by
 * awaitSalesConfirmation, and a reply on any of them is the answer.
 *
 * <p>A thread is registered in the transaction of the job that made the post; a job that rolls back
 * after its post registers it on its retry, which finds the post in the side-effect log.
 */
@Component
public class SalesThreads {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;

  public SalesThreads(JdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /** The id of the outermost process instance of this execution (salesHandoff for a ticket). */
  public static String rootProcessInstanceId(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getId();
  }

  /** Registers a thread once per side effect ({@code effectKey}); a second registration changes nothing. */
  public void register(String effectKey, DelegateExecution execution, SalesThread thread) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM sales_thread WHERE effect_key = ?", Integer.class,
        effectKey);
    if (known != null && known > 0) {
      return;
    }
    jdbc.update("INSERT INTO sales_thread (effect_key, root_process_instance_id, system_name, channel, thread_id,"
            + " thread_url, replies_from, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        effectKey, rootProcessInstanceId(execution), thread.system().name(), thread.channel(), thread.threadId(),
        thread.url(), thread.repliesFrom().isEmpty() ? null : String.join(",", thread.repliesFrom()),
        Timestamp.from(thread.postedAt()));
  }

  /** The threads of the handoff this execution belongs to, oldest first. */
  public List<SalesThread> of(DelegateExecution execution) {
    return jdbc.query("SELECT system_name, channel, thread_id, thread_url, replies_from, posted_at FROM sales_thread"
            + " WHERE root_process_instance_id = ? ORDER BY posted_at, effect_key",
        (rs, i) -> new SalesThread(ExternalSystem.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5) == null ? List.of() : Arrays.asList(rs.getString(5).split(",")),
            rs.getTimestamp(6).toInstant()),
        rootProcessInstanceId(execution));
  }

  /**
   * Removes the threads of handoffs that have ended, registered before {@code before} (so a handoff whose
   * start has not committed yet keeps its own); returns how many rows went.
   */
  public int removeEnded(Instant before) {
    List<String> roots = jdbc.queryForList("SELECT DISTINCT root_process_instance_id FROM sales_thread"
        + " WHERE posted_at < ?", String.class, Timestamp.from(before));
    if (roots.isEmpty()) {
      return 0;
    }
    Set<String> running = new HashSet<>();
    for (int from = 0; from < roots.size(); from += 500) {
      List<String> batch = roots.subList(from, Math.min(roots.size(), from + 500));
      runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(batch)).list().stream()
          .map(ProcessInstance::getId).forEach(running::add);
    }
    int removed = 0;
    for (String root : roots) {
      if (!running.contains(root)) {
        removed += jdbc.update("DELETE FROM sales_thread WHERE root_process_instance_id = ?", root);
      }
    }
    return removed;
  }
}
