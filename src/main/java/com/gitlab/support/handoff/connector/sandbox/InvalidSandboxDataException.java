package com.gitlab.support.handoff.connector.sandbox;

/** The sandbox CRM file cannot be used; start-up stops with the file, line and problem named. */
public class InvalidSandboxDataException extends RuntimeException {

  public InvalidSandboxDataException(String source, int line, String problem) {
    super("Sandbox CRM data " + source + (line > 0 ? ", line " + line : "") + ": " + problem);
  }
}
