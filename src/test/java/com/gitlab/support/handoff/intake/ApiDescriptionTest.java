package com.gitlab.support.handoff.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gitlab.support.handoff.TestProfiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code GET /v3/api-docs}: the OpenAPI description names CONTRACT's endpoints of {@code /api} with the
 * bodies they take, and nothing of Camunda's. Fetched anonymously over a real port, as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ApiDescriptionTest {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  JsonNode api;

  @BeforeEach
  void fetch() throws Exception {
    ResponseEntity<String> answer = http.getForEntity("/v3/api-docs", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    api = json.readTree(answer.getBody());
  }

  @Test
  @DisplayName("CONTRACT's endpoints of /api are described, and only /api: Camunda's REST API is not")
  void describesOnlyOurApi() {
    assertThat(api.path("openapi").asText()).startsWith("3.");
    assertThat(fieldNames(api.path("paths"))).containsExactlyInAnyOrder(
        "/api/handoffs", "/api/smb-cases", "/api/zendesk/events", "/api/outbox",
        "/api/sandbox/chatter-replies", "/api/sandbox/slack-replies", "/api/reports", "/api/reports/{name}",
        "/api/reports/{name}.csv");
    assertThat(api.at("/paths/~1api~1handoffs/post").isObject()).isTrue();
    assertThat(api.at("/paths/~1api~1smb-cases/post").isObject()).isTrue();
    assertThat(api.at("/paths/~1api~1zendesk~1events/post").isObject()).isTrue();
    assertThat(api.at("/paths/~1api~1outbox/get").isObject()).isTrue();
  }

  @Test
  @DisplayName("POST /api/handoffs takes CONTRACT's fields, the first four required, the request types as an enum")
  void handoffRequestSchema() {
    JsonNode schema = requestSchema("/api/handoffs");

    assertThat(fieldNames(schema.path("properties"))).contains("ticketId", "requesterEmail", "requestType", "summary",
        "engineer", "priority", "hasSalesforceAccess", "tier", "nearExpiry", "newSubscription", "inRenewalPeriod",
        "seatsNeeded");
    assertThat(texts(schema.path("required"))).containsExactlyInAnyOrder("ticketId", "requesterEmail", "requestType", "summary");
    assertThat(texts(schema.at("/properties/requestType/enum"))).contains("ALTERNATIVE_PAYMENT_METHOD", "RENEWAL_QUOTE");
    assertThat(texts(schema.at("/properties/priority/enum"))).containsExactly("normal", "high", "urgent");
    assertThat(schema.at("/properties/seatsNeeded/type").asText()).isEqualTo("integer");
    assertThat(schema.at("/properties/hasSalesforceAccess/type").asText()).isEqualTo("boolean");
    assertThat(fieldNames(api.at("/paths/~1api~1handoffs/post/responses"))).contains("200", "201", "400", "401");
  }

  @Test
  @DisplayName("POST /api/smb-cases takes CONTRACT's fields, origin and territory as enums")
  void smbCaseRequestSchema() {
    JsonNode schema = requestSchema("/api/smb-cases");

    assertThat(fieldNames(schema.path("properties"))).contains("subject", "description", "origin", "accountId",
        "contactId", "territory", "highValueAccount");
    assertThat(texts(schema.path("required"))).contains("subject", "origin");
    assertThat(texts(schema.at("/properties/origin/enum"))).contains("SUPPORT", "EMAIL", "SDR", "PARTNER", "REFERRAL", "AR");
    assertThat(texts(schema.at("/properties/territory/enum"))).containsExactly("AMER", "EMEA_APJ");
  }

  @Test
  @DisplayName("The sandbox's reply endpoints take CONTRACT's fields")
  void sandboxReplySchemas() {
    assertThat(fieldNames(requestSchema("/api/sandbox/chatter-replies").path("properties")))
        .contains("ticketId", "authorId", "text");
    assertThat(fieldNames(requestSchema("/api/sandbox/slack-replies").path("properties")))
        .contains("ticketId", "userId", "text");
  }

  @Test
  @DisplayName("POST /api/zendesk/events takes a JSON body; the credentials /api needs are named")
  void zendeskEventsAndSecurity() {
    assertThat(fieldNames(api.at("/paths/~1api~1zendesk~1events/post/requestBody/content"))).contains("application/json");
    assertThat(api.at("/components/securitySchemes/" + ApiDescription.BASIC + "/scheme").asText()).isEqualTo("basic");
    assertThat(api.at("/components/securitySchemes/" + ApiDescription.ZENDESK_SIGNATURE + "/name").asText())
        .isEqualTo("X-Zendesk-Webhook-Signature");
  }

  @Test
  @DisplayName("GET /api/reports/{name} names its reports, takes from and to, and answers JSON with columns and rows, or CSV")
  void reportsAreDescribed() {
    JsonNode get = api.at("/paths/~1api~1reports~1{name}/get");
    assertThat(texts(get.at("/parameters/0/schema/enum"))).containsExactly("waiting-handoffs", "escalation-levels",
        "answer-times", "not-passed", "smb-pickup", "smb-closing", "advocate-load");
    List<String> parameters = new ArrayList<>();
    get.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText()));
    assertThat(parameters).containsExactly("name", "from", "to");
    assertThat(fieldNames(get.at("/responses/200/content"))).containsExactlyInAnyOrder("application/json", "text/csv");
    assertThat(fieldNames(get.path("responses"))).contains("200", "400", "404");
    String ref = get.at("/responses/200/content/application~1json/schema/$ref").asText();
    assertThat(fieldNames(api.at(ref.substring(1)).path("properties")))
        .contains("name", "title", "from", "to", "columns", "rows");
    assertThat(api.at("/paths/~1api~1reports/get").isObject()).isTrue();
  }

  /** The schema of a POST's JSON body, following its {@code $ref} into the components. */
  private JsonNode requestSchema(String path) {
    JsonNode body = api.path("paths").path(path).path("post").path("requestBody");
    assertThat(body.isObject()).as("request body of POST %s", path).isTrue();
    JsonNode schema = body.at("/content/application~1json/schema");
    String ref = schema.path("$ref").asText();
    return ref.isEmpty() ? schema : api.at(ref.substring(1));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
