package com.gitlab.support.handoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration metadata that spring-boot-configuration-processor writes at compile time, from which
 * IDEs complete {@code handoff.*} in application.yaml and show what each setting means. Every property of
 * CONTRACT's configuration (its Connectors table and Business time) must be there with a description.
 */
class ConfigurationMetadataTest {

  /** CONTRACT.md, "Connectors" and "Business time", in its order. */
  static final List<String> CONTRACT_PROPERTIES = List.of(
      "handoff.salesforce.base-url",
      "handoff.salesforce.client-id",
      "handoff.salesforce.client-secret",
      "handoff.salesforce.api-version",
      "handoff.salesforce.smb-advocate-team-group-id",
      "handoff.salesforce.fields.sales-segment",
      "handoff.salesforce.fields.carr",
      "handoff.salesforce.fields.technical-account-manager",
      "handoff.zendesk.base-url",
      "handoff.zendesk.email",
      "handoff.zendesk.api-token",
      "handoff.zendesk.escalated-to-sales-field-id",
      "handoff.zendesk.webhook-secret",
      "handoff.slack.base-url",
      "handoff.slack.bot-token",
      "handoff.sandbox.data",
      "handoff.calendar.zone",
      "handoff.calendar.holidays");

  /** What docs/operations.md tells operators to set, beyond CONTRACT. */
  static final List<String> OPERATIONS_PROPERTIES = List.of(
      "handoff.cluster.node-name",
      "handoff.cluster.job-acquisition-index",
      "handoff.admin.user",
      "handoff.admin.password",
      "handoff.feel.cache-parsed-expressions",
      "handoff.metrics.cache-for");

  static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

  static Map<String, JsonNode> properties;

  @BeforeAll
  static void read() throws IOException {
    assertThat(METADATA).as("written by spring-boot-configuration-processor when the main classes compile").exists();
    JsonNode metadata = new ObjectMapper().readTree(Files.readString(METADATA));
    properties = new HashMap<>();
    metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource({"CONTRACT_PROPERTIES", "OPERATIONS_PROPERTIES"})
  @DisplayName("Each handoff.* setting of CONTRACT and docs/operations.md is in the metadata, with a description")
  void documented(String name) {
    assertThat(properties).as("metadata of %s", name).containsKey(name);
    JsonNode property = properties.get(name);
    assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
    assertThat(property.path("type").asText()).as("type of %s", name).isNotBlank();
  }

  @Test
  @DisplayName("Every handoff.* setting in the metadata has a description, in words rather than javadoc tags")
  void everyHandoffPropertyIsDescribed() {
    List<JsonNode> handoff = properties.values().stream()
        .filter(property -> property.path("name").asText().startsWith("handoff.")).toList();

    assertThat(handoff).hasSizeGreaterThanOrEqualTo(CONTRACT_PROPERTIES.size() + OPERATIONS_PROPERTIES.size());
    assertThat(handoff).allSatisfy(property -> assertThat(property.path("description").asText())
        .as("description of %s", property.path("name").asText()).isNotBlank().doesNotContain("{@"));
  }

  @Test
  @DisplayName("Defaults that IDEs show are the ones the application applies")
  void defaults() {
    assertThat(properties.get("handoff.salesforce.api-version").path("defaultValue").asText()).isEqualTo("v65.0");
    assertThat(properties.get("handoff.salesforce.fields.carr").path("defaultValue").asText()).isEqualTo("CARR__c");
    assertThat(properties.get("handoff.cluster.job-acquisition-index").path("defaultValue").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("Every HANDOFF_* variable of docs/docker-compose.yaml is a real setting, and each node has a name of its own")
  @SuppressWarnings("unchecked")
  void composeExampleNamesRealSettings() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docs/docker-compose.yaml")));
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    List<String> nodes = services.keySet().stream().filter(name -> name.startsWith("handoff-")).toList();
    assertThat(nodes).hasSize(2);

    List<String> nodeNames = nodes.stream().map(node -> {
      Map<String, Object> environment = (Map<String, Object>) services.get(node).get("environment");
      environment.keySet().stream().filter(variable -> variable.startsWith("HANDOFF_")).forEach(variable ->
          assertThat(properties).as("%s of %s", variable, node).containsKey(propertyOf(variable)));
      assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
      return String.valueOf(environment.get("HANDOFF_CLUSTER_NODE_NAME"));
    }).toList();
    assertThat(nodeNames).doesNotHaveDuplicates().doesNotContain("null");
  }

  /**
   * The property an environment variable sets, by Spring Boot's relaxed binding: HANDOFF_ZENDESK_API_TOKEN
   * is handoff.zendesk.api-token. The variable does not say where a dash was, so the dashed names are tried.
   */
  private static String propertyOf(String variable) {
    String dotted = variable.toLowerCase(Locale.ROOT).replace('_', '.');
    return properties.keySet().stream()
        .filter(name -> name.replace('-', '.').equals(dotted)).findFirst().orElse(dotted);
  }
}
