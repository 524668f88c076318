package com.gitlab.support.handoff.connector;

/**
 * A call to an outside system failed. Retryable failures (rate limits, 5xx, timeouts) go back to the
 * job executor; the others are the remote system refusing the request and need a human.
 */
public class ConnectorException extends RuntimeException {

  private final ExternalSystem system;
  private final boolean retryable;

  public ConnectorException(ExternalSystem system, boolean retryable, String message, Throwable cause) {
    super(system.displayName() + ": " + message, cause);
    this.system = system;
    this.retryable = retryable;
  }

  public ConnectorException(ExternalSystem system, boolean retryable, String message) {
    this(system, retryable, message, null);
  }

  public static ConnectorException retryable(ExternalSystem system, String message) {
    return new ConnectorException(system, true, message);
  }

  public static ConnectorException rejected(ExternalSystem system, String message) {
    return new ConnectorException(system, false, message);
  }

  public ExternalSystem system() {
    return system;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
