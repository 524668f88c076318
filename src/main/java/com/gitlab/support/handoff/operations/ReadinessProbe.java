package com.gitlab.support.handoff.operations;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check: the image has no shell and no curl, only Java, so a container runtime
 * (docker compose's {@code healthcheck}, a Kubernetes exec probe) runs this class next to the application:
 * {@code java -cp /app/classes com.gitlab.support.handoff.operations.ReadinessProbe}. Exit 0 when
 * {@code /actuator/health/readiness} answers 200 (engine and database up), 1 otherwise. The URL is the
 * first argument, else port {@code SERVER_PORT} (8080) on the loopback.
 */
public final class ReadinessProbe {

  private ReadinessProbe() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : defaultUrl(System.getenv("SERVER_PORT"));
    int status = status(url);
    if (status != 200) {
      System.err.println("not ready: " + url + (status < 0 ? " does not answer" : " answered " + status));
    }
    System.exit(status == 200 ? 0 : 1);
  }

  static String defaultUrl(String port) {
    return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.trim()) + "/actuator/health/readiness";
  }

  /** The HTTP status of a GET, or -1 when nothing answers within 5 s. */
  static int status(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(5_000);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }
}
