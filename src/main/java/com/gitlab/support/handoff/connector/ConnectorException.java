package com.gitlab.support.handoff.connector;

/**
 * A call to an outside system failed. Retryable failures (rate limits, 5xx, timeouts) go back to the
 * job executor; the others are the remote system refusing the request and need a human.
 */
public class ConnectorException extends RuntimeException {

  private final ExternalSystem system;
  private final boolean retryable;
  private final boolean answered;

  /**
   * @param answered whether the remote system answered, so that we know the request had no effect;
   *     false when the call got no answer or an unreadable one, which may have done its work
   */
  public ConnectorException(ExternalSystem system, boolean retryable, boolean answered, String message, Throwable cause) {
    super(system.displayName() + ": " + message, cause);
    this.system = system;
    this.retryable = retryable;
    this.answered = answered;
  }

  /** A failure the remote system answered with: the request had no effect. */
  public ConnectorException(ExternalSystem system, boolean retryable, String message, Throwable cause) {
    this(system, retryable, true, message, cause);
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

  /**
   * False when the call may have had its effect although it failed (a timeout after the request was
   * sent, an answer we cannot read): a retry must first find out whether it did.
   */
  public boolean hadNoEffect() {
    return answered;
  }
}
