package com.gitlab.support.handoff.review;

import com.gitlab.support.handoff.calendar.CalendarProperties;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * R16: the handoffs still waiting for Sales, i.e. an open "Record Sales' confirmation" or "Record that
 * the SMB team picked up" task, for the morning review ({@code ${handoffsWaitingForSales.engineers()}}).
 */
@Component("handoffsWaitingForSales")
public class HandoffsWaitingForSales {

  /** Task definition keys that are open exactly while a handoff waits for Sales. */
  public static final List<String> WAITING_FOR_SALES = List.of("recordSalesConfirmation", "recordSmbPickup");

  /** A String variable holds 4000 characters; beyond that many tickets, the filter has the rest. */
  private static final int MAX_LISTED = 25;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final TaskService tasks;
  private final ZoneId zone;

  public HandoffsWaitingForSales(@Lazy TaskService tasks, CalendarProperties calendar) {
    this.tasks = tasks;
    this.zone = calendar.zone();
  }

  /** The engineers (Camunda user ids) with at least one handoff waiting, in alphabetical order. */
  public List<String> engineers() {
    return waiting().stream().map(Task::getAssignee).filter(Objects::nonNull).distinct().sorted().toList();
  }

  /** A Markdown list of the engineer's waiting handoffs, oldest first, for the review form. */
  public String listFor(String engineer) {
    List<Task> theirs = tasks.createTaskQuery().taskDefinitionKeyIn(WAITING_FOR_SALES.toArray(String[]::new))
        .taskAssignee(engineer).orderByTaskCreateTime().asc().list();
    StringBuilder text = new StringBuilder();
    theirs.stream().limit(MAX_LISTED).forEach(task -> text.append(line(task)).append('\n'));
    if (theirs.size() > MAX_LISTED) {
      text.append("- … and ").append(theirs.size() - MAX_LISTED).append(" more in the filter \"Escalated to Sales\"\n");
    }
    return text.toString();
  }

  private String line(Task task) {
    Map<String, Object> variables = tasks.getVariables(task.getId(),
        List.of("ticketId", "ticketUrl", "accountName", "salesPersonName", "smbTerritory"));
    Object waitingFor = variables.get("salesPersonName") != null ? variables.get("salesPersonName")
        : "the SMB team " + Objects.toString(variables.get("smbTerritory"), "");
    return "- Ticket [" + variables.get("ticketId") + "](" + variables.get("ticketUrl") + "), "
        + variables.get("accountName") + ": waiting for " + waitingFor.toString().trim()
        + " since " + DAY.format(task.getCreateTime().toInstant().atZone(zone));
  }

  private List<Task> waiting() {
    return tasks.createTaskQuery().taskDefinitionKeyIn(WAITING_FOR_SALES.toArray(String[]::new)).list();
  }
}
