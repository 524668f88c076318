package com.gitlab.support.handoff.events;

/** A webhook body that is not a ticket event we can read; {@link #field()} says which part, as a JSON path. */
public class MalformedEventException extends RuntimeException {

  private final String field;

  public MalformedEventException(String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
