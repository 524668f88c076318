package com.gitlab.support.handoff.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a change of a Zendesk ticket does to its handoff:
 *
 * <ul>
 *   <li><b>R40</b> solved or closed: message {@value #SOLVED_MESSAGE} (variables {@code ticketStatus},
 *       {@code endedBecause}) to each process of the ticket where work waits, a <em>leaf</em> (an
 *       instance that calls no other process now), or, when the leaf does not listen for it, to the
 *       nearest caller that does. The models end there on "Ticket solved in Zendesk": a called process
 *       with an error end event that its caller catches, so the whole chain ends, and each instance
 *       keeps the reason in its history. Correlating to a caller while its called process runs would
 *       interrupt the call and end the called process without its own end event.
 *   <li><b>R15, R17</b> priority raised to high or urgent (from a lower one): variable
 *       {@code priority} on every running instance of the ticket, and message
 *       {@value #PRIORITY_RAISED_MESSAGE} to every instance that listens for it (maybe none).
 *   <li>anything else, a ticket without a running handoff, an event received before: nothing changes.
 * </ul>
 *
 * The event id is recorded first, in the transaction that acts on the event, so a redelivery changes
 * nothing and a failed attempt can be redelivered.
 */
@Service
public class TicketEvents {

  public static final String SOLVED_MESSAGE = "TicketSolvedInZendesk";
  public static final String PRIORITY_RAISED_MESSAGE = "TicketPriorityRaised";
  /** Zendesk's priorities, lowest first; no priority at all ranks below them. */
  static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
  private static final Set<String> ENDING_STATUSES = Set.of("solved", "closed");
  private static final Set<String> RAISED_PRIORITIES = Set.of("high", "urgent");
  private static final int ATTEMPTS = 3;

  private final RuntimeService runtime;
  private final TicketInstances instances;
  private final ReceivedEvents received;
  private final TransactionTemplate transaction;

  public TicketEvents(RuntimeService runtime, TicketInstances instances, ReceivedEvents received,
      PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.instances = instances;
    this.received = received;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Takes one event, at most once per event id. A job of the same instance that commits first (a
   * timer, a retry) makes the engine refuse the transaction; it is tried again, then the refusal
   * goes to the caller (Zendesk then redelivers).
   */
  public EventOutcome receive(TicketEvent event) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> {
          received.record(event.eventId(), event.ticketId(), Instant.now());
          return act(event);
        });
      } catch (DuplicateKeyException redelivered) {
        return EventOutcome.ignored(event, "redelivered: event " + event.eventId() + " was received before");
      } catch (OptimisticLockingException concurrentJob) {
        if (attempt == ATTEMPTS) {
          throw concurrentJob;
        }
      }
    }
  }

  private EventOutcome act(TicketEvent event) {
    switch (event.change()) {
      case OTHER:
        return EventOutcome.ignored(event, event.type() + " changes nothing in a handoff");
      case STATUS_CHANGED:
        if (!isOneOf(ENDING_STATUSES, event.current())) {
          return EventOutcome.ignored(event, "status is now " + name(event.current())
              + ": only solved or closed ends a handoff");
        }
        break;
      case PRIORITY_CHANGED:
        if (!isRaise(event.previous(), event.current())) {
          return EventOutcome.ignored(event, "priority changed from " + name(event.previous()) + " to "
              + name(event.current()) + ": only a raise to high or urgent matters");
        }
        break;
      case PRIORITY_RAISED:
        if (!isOneOf(RAISED_PRIORITIES, event.current())) {
          return EventOutcome.ignored(event, "priority is now " + name(event.current())
              + ": only a raise to high or urgent matters");
        }
        break;
    }
    TicketInstances.Tree tree = instances.of(event.ticketId());
    if (tree.isEmpty()) {
      return EventOutcome.ignored(event, "no running handoff for ticket " + event.ticketId());
    }
    return event.change() == TicketEvent.Change.STATUS_CHANGED ? endHandoff(event, tree) : raisePriority(event, tree);
  }

  static boolean isRaise(String previous, String current) {
    return isOneOf(RAISED_PRIORITIES, current) && PRIORITIES.indexOf(current) > rank(previous);
  }

  /** -1 for no priority (or one Zendesk does not have), below {@code low}. */
  private static int rank(String priority) {
    return priority == null ? -1 : PRIORITIES.indexOf(priority);
  }

  /** {@code Set.of(…).contains(null)} throws; a ticket without a priority is a value here. */
  private static boolean isOneOf(Set<String> values, String value) {
    return value != null && values.contains(value);
  }

  private EventOutcome endHandoff(TicketEvent event, TicketInstances.Tree tree) {
    Set<String> receivers = new LinkedHashSet<>();
    for (String leaf : tree.leaves()) {
      String instance = leaf;
      while (instance != null && !instances.listensFor(instance, SOLVED_MESSAGE)) {
        instance = instances.callerOf(instance);
      }
      if (instance != null) {
        receivers.add(instance);
      }
    }
    if (receivers.isEmpty()) {
      return EventOutcome.ignored(event, "no running process of ticket " + event.ticketId() + " waits for "
          + SOLVED_MESSAGE + "; " + tree.ids().size() + " still run");
    }
    String sentence = "Ticket " + event.ticketId() + " was " + event.current() + " in Zendesk at "
        + (event.at() == null ? Instant.now() : event.at()).truncatedTo(ChronoUnit.SECONDS);
    VariableMap reason = Variables.createVariables()
        .putValue("ticketStatus", event.current())
        .putValue("endedBecause", sentence);
    Set<String> told = new LinkedHashSet<>(tree.ids());
    told.addAll(receivers);
    told.forEach(instance -> runtime.setVariables(instance, reason));
    for (String receiver : receivers) {
      // A receiver may have ended with a sibling's chain already.
      if (instances.isRunning(receiver) && instances.listensFor(receiver, SOLVED_MESSAGE)) {
        runtime.createMessageCorrelation(SOLVED_MESSAGE).processInstanceId(receiver).setVariables(reason)
            .correlateWithResult();
      }
    }
    long stillRunning = told.stream().filter(instances::isRunning).count();
    return EventOutcome.taken(event, sentence + ": " + SOLVED_MESSAGE + " ended " + (told.size() - stillRunning)
        + " of " + told.size() + " process instances" + (stillRunning == 0 ? "" : "; " + stillRunning
        + " still run without a " + SOLVED_MESSAGE + " event"));
  }

  private EventOutcome raisePriority(TicketEvent event, TicketInstances.Tree tree) {
    String priority = event.current();
    List<String> ids = tree.ids();
    ids.forEach(instance -> runtime.setVariable(instance, "priority", priority));
    int reached = 0;
    for (String instance : ids) {
      if (instances.isRunning(instance) && instances.listensFor(instance, PRIORITY_RAISED_MESSAGE)) {
        reached += runtime.createMessageCorrelation(PRIORITY_RAISED_MESSAGE).processInstanceId(instance)
            .setVariable("priority", priority).correlateAllWithResult().size();
      }
    }
    String from = event.previous() == null ? "" : " from " + event.previous();
    return EventOutcome.taken(event, "priority of ticket " + event.ticketId() + " raised" + from + " to " + priority
        + ": set on " + ids.size() + " process instances; " + PRIORITY_RAISED_MESSAGE + " reached " + reached);
  }

  private static String name(String value) {
    return value == null ? "none" : value;
  }
}
