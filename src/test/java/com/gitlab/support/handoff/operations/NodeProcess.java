package com.gitlab.support.handoff.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node in a JVM of its own, as a second server runs it: it shares nothing with the
 * test but the database, and {@link #kill()} ends it the way a crashed server ends (SIGKILL: no
 * shutdown hook, no commit, its job locks left behind). Its output goes to {@code target/nodes/NAME.log}.
 */
public final class NodeProcess implements AutoCloseable {

  private static final String MAIN_CLASS = "com.gitlab.support.handoff.SalesHandoffApplication";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final long launchedNanos = System.nanoTime();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private NodeProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the application from this JVM's class path with the demo profile plus {@code profiles},
   * and {@code properties} ({@code --name=value}).
   */
  public static NodeProcess start(String name, List<String> profiles, List<String> properties) {
    return launch(name, List.of("-cp", classPath(), MAIN_CLASS), profiles, properties, null);
  }

  /**
   * As {@link #start}, with {@code workingDirectory} as the node's current directory: where the
   * embedded default's relative {@code ./data} lies, so a test can run the application with its own
   * H2 URL, unchanged, on a database of its own.
   */
  public static NodeProcess startIn(Path workingDirectory, String name, List<String> profiles, List<String> properties) {
    return launch(name, List.of("-cp", classPath(), MAIN_CLASS), profiles, properties, workingDirectory);
  }

  /** Starts the packaged application ({@code java -jar}), as an operator does. */
  public static NodeProcess startJar(Path jar, String name, List<String> profiles, List<String> properties) {
    return launch(name, List.of("-jar", jar.toAbsolutePath().toString()), profiles, properties, null);
  }

  private static NodeProcess launch(String name, List<String> what, List<String> profiles, List<String> properties,
      Path workingDirectory) {
    int port = freePort();
    List<String> active = new ArrayList<>(List.of("demo"));
    active.addAll(profiles);
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
    command.addAll(what);
    command.addAll(List.of(
        "--server.port=" + port,
        "--spring.profiles.active=" + String.join(",", active),
        "--handoff.cluster.node-name=" + name,
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR"));
    command.addAll(properties);
    try {
      Path log = Files.createDirectories(Path.of("target", "nodes").toAbsolutePath()).resolve(name + ".log");
      Files.writeString(log, String.join(" ", command) + System.lineSeparator());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (workingDirectory != null) {
        builder.directory(Files.createDirectories(workingDirectory).toFile());
      }
      Process process = builder.start();
      // A test or benchmark JVM that ends early takes its nodes with it, instead of leaving them running.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
      return new NodeProcess(name, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Waits until {@code /actuator/health/readiness} answers 200 and returns the time from launch, or
   * throws, naming the log, when the node died or did not get ready in time.
   */
  public Duration awaitReady(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      if (ready()) {
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("node " + name + " not ready within " + limit + "; see " + log);
  }

  private boolean ready() throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static final String OPERATOR =
      "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

  /** The node's {@code handoff.jobs.executed} (outcome success), read from its Actuator as an operator would. */
  public long jobsExecuted() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            uri("/actuator/metrics/" + JobExecutionCounter.METER + "?tag=outcome:success"))
        .header("Authorization", OPERATOR) // /actuator beyond health needs an operator: demo in the demo profile
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("metrics of " + name + ": HTTP " + response.statusCode() + " " + response.body());
    }
    for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
      if ("COUNT".equals(measurement.path("statistic").asText())) {
        return (long) measurement.path("value").asDouble();
      }
    }
    throw new IOException("metrics of " + name + " have no COUNT: " + response.body());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as when a server loses power: nothing of the node runs after this returns. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node " + name + " still runs 30 s after SIGKILL");
    }
  }

  /** A shutdown as an operator stops a node (SIGTERM), forced after 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /**
   * This JVM's class path without empty entries, made absolute (a node may run in another directory):
   * Surefire's ends with a separator, which Java reads as the working directory, where
   * {@code processes/} would be found a second time.
   */
  private static String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
