package com.gitlab.support.handoff.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The inputs one delegate reads, declared as its constants: {@code public static final Inputs INPUTS}
 * and one {@link Input} per name. A delegate reads its inputs only through these, so the list is
 * complete by construction, and the element templates in {@code processes/.camunda/element-templates}
 * are checked against it ({@code ElementTemplatesTest}): a process owner is offered exactly the fields
 * the delegate reads, and the required ones are marked.
 */
public final class Inputs {

  private final List<Input> declared = new ArrayList<>();

  /** The inputs of a delegate that calls {@link SideEffects#once}, which reads the optional {@value SideEffects#SCOPE_VARIABLE}. */
  public static Inputs withSideEffectScope() {
    Inputs inputs = new Inputs();
    inputs.optional(SideEffects.SCOPE_VARIABLE);
    return inputs;
  }

  /** An input the delegate cannot do without: reading it unset or blank fails with a readable message. */
  public Input required(String name) {
    return declare(new Input(name, true));
  }

  /** An input the delegate does without when it is unset. */
  public Input optional(String name) {
    return declare(new Input(name, false));
  }

  /** Every input declared, in the order declared. */
  public List<Input> declared() {
    return Collections.unmodifiableList(declared);
  }

  private Input declare(Input input) {
    if (declared.stream().anyMatch(known -> known.name().equals(input.name()))) {
      throw new IllegalStateException("The input '" + input.name() + "' is declared twice");
    }
    declared.add(Objects.requireNonNull(input));
    return input;
  }
}
