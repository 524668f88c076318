package com.gitlab.support.handoff;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On PostgreSQL every test context gets a schema of its own, as every H2 context gets its own
 * in-memory database: test classes use the same ticket ids and must not see each other's handoffs.
 */
public class PostgresTestSchemas implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).containsAll(java.util.List.of("test", "postgres"))) {
      return;
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      return;
    }
    String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    environment.getPropertySources().addFirst(new MapPropertySource("postgresTestSchema", Map.of(
        "spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        "spring.datasource.hikari.connection-init-sql", "CREATE SCHEMA IF NOT EXISTS " + schema,
        "camunda.bpm.database.schema-name", schema,
        "camunda.bpm.database.table-prefix", schema + ".")));
  }
}
