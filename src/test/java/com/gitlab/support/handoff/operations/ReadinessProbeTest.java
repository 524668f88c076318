package com.gitlab.support.handoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The container health check against a real HTTP server on the loopback. */
class ReadinessProbeTest {

  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("Ready is a 200 from the readiness endpoint; a 503 (engine or database down) is not")
  void statusOfTheReadinessEndpoint() throws IOException {
    serve(200);
    assertThat(ReadinessProbe.status(url())).isEqualTo(200);
    server.stop(0);
    serve(503);
    assertThat(ReadinessProbe.status(url())).isEqualTo(503);
  }

  @Test
  @DisplayName("Nothing listening is not ready, without waiting long")
  void nothingListening() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertThat(ReadinessProbe.status("http://127.0.0.1:" + port + "/actuator/health/readiness")).isEqualTo(-1);
  }

  @Test
  @DisplayName("The default URL is the readiness endpoint on SERVER_PORT, else 8080")
  void defaultUrl() {
    assertThat(ReadinessProbe.defaultUrl(null)).isEqualTo("http://127.0.0.1:8080/actuator/health/readiness");
    assertThat(ReadinessProbe.defaultUrl("9090")).isEqualTo("http://127.0.0.1:9090/actuator/health/readiness");
  }

  private void serve(int status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/actuator/health/readiness", exchange -> {
      byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes();
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness";
  }
}
