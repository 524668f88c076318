package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * R21: round-robin among the members of {@code advocateGroup} (the territory's Camunda group),
 * skipping anyone at capacity: {@code handoff.smb.advocate-capacity} cases In Progress (default 50),
 * or the task's optional input {@code advocateCapacity}. Sets {@code advocate}, or leaves
 * it null and explains why in {@code routingProblem} when nobody can take the case.
 */
@Component("pickNextAdvocate")
public class PickNextAdvocate implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input ADVOCATE_GROUP = INPUTS.required("advocateGroup");
  private static final Input TERRITORY = INPUTS.required("territory");
  private static final Input ADVOCATE_CAPACITY = INPUTS.optional("advocateCapacity");

  private final IdentityService identity;
  private final AdvocateWorkload workload;
  private final RoundRobin roundRobin;
  private final int defaultCapacity;

  public PickNextAdvocate(IdentityService identity, AdvocateWorkload workload, RoundRobin roundRobin,
      SmbProperties settings) {
    this.identity = identity;
    this.workload = workload;
    this.roundRobin = roundRobin;
    this.defaultCapacity = settings.advocateCapacity();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String group = ADVOCATE_GROUP.text(execution);
    String territory = TERRITORY.text(execution);
    int capacity = capacity(execution);
    List<String> advocates = identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
        .stream().map(User::getId).sorted().toList();
    Optional<String> next = roundRobin.next(territory, advocates, advocate -> workload.inProgressCases(advocate) < capacity);
    execution.setVariable("advocate", next.orElse(null));
    execution.setVariable("routingProblem", next.isPresent() ? null : advocates.isEmpty()
        ? "The group " + group + " has no advocates: add them in Camunda Admin, or choose an advocate"
        : "Every advocate of " + territory + " has " + capacity + " cases In Progress: choose who takes this one");
  }

  private int capacity(DelegateExecution execution) {
    String given = ADVOCATE_CAPACITY.text(execution);
    if (given == null || given.isBlank()) {
      return defaultCapacity;
    }
    try {
      int capacity = Integer.parseInt(given.trim());
      if (capacity > 0) {
        return capacity;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("Input advocateCapacity of '" + execution.getCurrentActivityName()
        + "' must be a whole number above 0 (cases In Progress), not '" + given + "'");
  }
}
