package com.gitlab.support.handoff.bench;

import com.gitlab.support.handoff.operations.SharedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

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

  static BenchDatabase h2() {
    return new H2();
  }

  static BenchDatabase postgres() {
    return new Postgres();
  }

  /** The CONTRACT's embedded default: an H2 file database (not in-memory: its data must not count as heap). */
  static final class H2 extends BenchDatabase {
    private final Path directory;

    H2() {
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
      return List.of("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("bench") + ";DB_CLOSE_ON_EXIT=FALSE"
          + System.getProperty("bench.h2-url-options", ";CACHE_SIZE=65536"));
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
