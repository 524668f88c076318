package com.gitlab.support.handoff.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The running process instances of a Zendesk ticket: those with the ticket id as business key and,
 * below each, the processes it calls (call activities pass the business key on, but a called process
 * that does not is still part of the ticket's handoff).
 */
@Component
class TicketInstances {

  private final RuntimeService runtime;

  TicketInstances(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The ticket's running instances, callers before the processes they call. */
  Tree of(String ticketId) {
    Map<String, List<String>> called = new LinkedHashMap<>();
    Deque<ProcessInstance> todo = new ArrayDeque<>(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).list());
    while (!todo.isEmpty()) {
      ProcessInstance instance = todo.poll();
      if (called.containsKey(instance.getId())) {
        continue;
      }
      List<ProcessInstance> subs = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list();
      called.put(instance.getId(), subs.stream().map(ProcessInstance::getId).toList());
      todo.addAll(subs);
    }
    return new Tree(called);
  }

  boolean isRunning(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /** Whether the instance (any of its executions) waits for the message right now. */
  boolean listensFor(String processInstanceId, String messageName) {
    return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
        .eventType("message").eventName(messageName).count() > 0;
  }

  /** The instance that called this one through a call activity, or null for a top-level instance. */
  String callerOf(String processInstanceId) {
    ProcessInstance caller = runtime.createProcessInstanceQuery().subProcessInstanceId(processInstanceId).singleResult();
    return caller == null ? null : caller.getId();
  }

  /** Instance ids and, for each, the instances it calls right now. */
  record Tree(Map<String, List<String>> called) {

    List<String> ids() {
      return List.copyOf(called.keySet());
    }

    boolean isEmpty() {
      return called.isEmpty();
    }

    /** The instances that call no other process now: where the ticket's work is waiting. */
    List<String> leaves() {
      List<String> leaves = new ArrayList<>();
      called.forEach((id, subs) -> {
        if (subs.isEmpty()) {
          leaves.add(id);
        }
      });
      return leaves;
    }
  }
}
