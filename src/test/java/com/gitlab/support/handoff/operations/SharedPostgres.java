package com.gitlab.support.handoff.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fresh PostgreSQL schema for the nodes of one cluster test or benchmark run to share, dropped at
 * close. The server is the one of {@code SPRING_DATASOURCE_URL} when that names PostgreSQL, else the
 * local 127.0.0.1:5432 (trust authentication, database {@code test}), as on CI.
 */
public final class SharedPostgres implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5432;

  private final String baseUrl;
  private final String user;
  private final String schema;

  private SharedPostgres(String baseUrl, String user, String schema) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.schema = schema;
  }

  /** True when PostgreSQL accepts a connection within a second or two. */
  public static boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 1000);
    } catch (IOException e) {
      return false;
    }
    try (Connection connection = DriverManager.getConnection(baseUrl(), user(), "")) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public static SharedPostgres createSchema(String prefix) {
    String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    SharedPostgres database = new SharedPostgres(baseUrl(), user(), schema);
    database.execute("CREATE SCHEMA " + schema);
    return database;
  }

  public String schema() {
    return schema;
  }

  public String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** What every node needs to share this schema (profile {@code postgres} on top). */
  public List<String> nodeProperties() {
    return List.of(
        "--spring.datasource.url=" + url(),
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=",
        "--camunda.bpm.database.schema-name=" + schema,
        "--camunda.bpm.database.table-prefix=" + schema + ".");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, "");
  }

  public void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(baseUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code ANALYZE} on the schema's tables every {@code interval} until closed, as autovacuum does
   * on a PostgreSQL with its defaults. The local server runs with {@code autovacuum = off}, and
   * without statistics the planner reads an execution's variables through the wrong index: 394 ms a
   * load with 500,000 variables (docs/operations.md).
   */
  public AutoCloseable analyzeEvery(Duration interval) {
    ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "analyze " + schema);
      thread.setDaemon(true);
      return thread;
    });
    analyzer.scheduleWithFixedDelay(this::analyze, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return analyzer::shutdownNow;
  }

  /** Fresh planner statistics for every table of the schema. */
  public void analyze() {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(
          "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        statement.execute("ANALYZE " + schema + "." + table);
      }
    } catch (SQLException e) {
      System.err.println("ANALYZE of " + schema + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static String baseUrl() {
    String configured = System.getenv("SPRING_DATASOURCE_URL");
    return configured != null && configured.startsWith("jdbc:postgresql:")
        ? configured : "jdbc:postgresql://" + HOST + ":" + PORT + "/test";
  }

  private static String user() {
    String configured = System.getenv("SPRING_DATASOURCE_USERNAME");
    return configured == null || configured.isBlank() ? "postgres" : configured;
  }
}
