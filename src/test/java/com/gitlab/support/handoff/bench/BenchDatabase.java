package com.gitlab.support.handoff.bench;

import com.gitlab.support.handoff.operations.SharedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/** A fresh database for one benchmark run: the embedded H2 file database, or a PostgreSQL schema. */
abstract class BenchDatabase implements AutoCloseable {

  abstract String label();

  abstract List<String> profiles();

  /** Properties ({@code --name=value}) every node of the run needs. */
  abstract List<String> properties();

  /** Bytes the database takes on disk. */
  abstract long sizeBytes(JdbcTemplate jdbc);

  /** Gives deleted rows' space back where the database can (PostgreSQL: VACUUM FULL of the history). */
  void reclaim(JdbcTemplate jdbc) {}

  /** The H2 file database with {@code bench.h2-url-options}, or where that is blank the application's own. */
  static BenchDatabase h2() {
    String configured = System.getProperty("bench.h2-url-options", "");
    return new H2(configured.isBlank() ? applicationH2Options() : configured);
  }

  /**
   * What follows the path in the application's {@code spring.datasource.url} ({@code ;DB_CLOSE_ON_EXIT=FALSE;…}):
   * the settings a new user's embedded database runs with.
   */
  static String applicationH2Options() {
    try (InputStream yaml = BenchDatabase.class.getResourceAsStream("/application.yaml")) {
      Map<String, Object> root = new Yaml().load(yaml);
      String url = String.valueOf(((Map<?, ?>) ((Map<?, ?>) root.get("spring")).get("datasource")).get("url"));
      int options = url.indexOf(';');
      return options < 0 ? "" : url.substring(options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BenchDatabase postgres() {
    return new Postgres();
  }

  /** The CONTRACT's embedded default: an H2 file database (not in-memory: its data must not count as heap). */
  static final class H2 extends BenchDatabase {
    private final Path directory;
    private final String options;

    /** {@code options}: what follows the path in the URL, e.g. {@code ;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}. */
    H2(String options) {
      this.options = options;
      try {
        directory = Files.createTempDirectory("handoff-bench-h2");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String label() {
      return "H2 file";
    }

    @Override
    List<String> profiles() {
      return List.of();
    }

    @Override
    List<String> properties() {
      return List.of("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("bench") + options);
    }

    @Override
    long sizeBytes(JdbcTemplate jdbc) {
      try (Stream<Path> files = Files.list(directory)) {
        return files.mapToLong(f -> f.toFile().length()).sum();
      } catch (IOException e) {
        return -1;
      }
    }

    @Override
    public void close() {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not remove " + directory + ": " + e);
      }
    }
  }

  static final class Postgres extends BenchDatabase {
    private final SharedPostgres schema = SharedPostgres.createSchema("bench");
    /** The local server runs without autovacuum; production keeps PostgreSQL's default (on). */
    private final AutoCloseable analyzer = schema.analyzeEvery(java.time.Duration.ofSeconds(30));

    @Override
    String label() {
      return "PostgreSQL";
    }

    @Override
    List<String> profiles() {
      return List.of("postgres");
    }

    @Override
    List<String> properties() {
      return schema.nodeProperties();
    }

    @Override
    long sizeBytes(JdbcTemplate jdbc) {
      Long bytes = jdbc.queryForObject("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
          + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'",
          Long.class, schema.schema());
      return bytes == null ? -1 : bytes;
    }

    @Override
    void reclaim(JdbcTemplate jdbc) {
      List<String> tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ? "
          + "AND (tablename LIKE 'act_hi_%' OR tablename LIKE 'act_ru_%' OR tablename = 'act_ge_bytearray')",
          String.class, schema.schema());
      for (String table : tables) {
        jdbc.execute("VACUUM FULL " + schema.schema() + "." + table);
      }
    }

    @Override
    public void close() {
      try {
        analyzer.close();
      } catch (Exception e) {
        System.err.println("analyzer: " + e);
      }
      schema.close();
    }
  }
}
