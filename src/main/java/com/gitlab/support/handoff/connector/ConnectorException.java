package com.gitlab.support.handoff.connector;

/**
 * A call to an outside system failed. Retryable failures (rate limits, 5xx, timeouts) go back to the
 * job executor; the others are the remote system refusing the request and need a human. The
 * {@link Kind} tells the failed-job rules ({@code com.gitlab.support.handoff.jobs}) whether the
 * system asked us to slow down ({@link RateLimitedException}) or looks down.
 */
public class ConnectorException extends RuntimeException {

  /** What kind of failure, as far as waiting and retrying go. */
  public enum Kind {
    /** The system refused the request: a retry would be refused again, a person must look. */
    REFUSED,
    /** The system said "too many requests": wait as long as it asks, then try again. */
    RATE_LIMITED,
    /** The system did not answer, or answered with a server error (5xx, 408): it may be down. */
    UNAVAILABLE,
    /** Worth a retry, but says nothing about the system's health (a conflict, a page limit). */
    TRANSIENT;

    public boolean isRetryable() {
      return this != REFUSED;
    }
  }

  private final ExternalSystem system;
  private final Kind kind;
  private final boolean answered;

  /**
   * @param answered whether the remote system answered, so that we know the request had no effect;
   *     false when the call got no answer or an unreadable one, which may have done its work
   */
  public ConnectorException(ExternalSystem system, Kind kind, boolean answered, String message, Throwable cause) {
    super(system.displayName() + ": " + message, cause);
    this.system = system;
    this.kind = kind;
    this.answered = answered;
  }

  /** A retryable failure is {@link Kind#TRANSIENT}, any other {@link Kind#REFUSED}. */
  public ConnectorException(ExternalSystem system, boolean retryable, boolean answered, String message, Throwable cause) {
    this(system, retryable ? Kind.TRANSIENT : Kind.REFUSED, answered, message, cause);
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

  public Kind kind() {
    return kind;
  }

  public boolean isRetryable() {
    return kind.isRetryable();
  }

  /**
   * False when the call may have had its effect although it failed (a timeout after the request was
   * sent, an answer we cannot read): a retry must first find out whether it did.
   */
  public boolean hadNoEffect() {
    return answered;
  }
}
