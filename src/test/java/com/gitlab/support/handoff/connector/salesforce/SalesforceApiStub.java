package com.gitlab.support.handoff.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP Salesforce for Spring tests: started before the application context (which reads its
 * URL), with the OAuth token endpoint answering, and the properties that make the real client active.
 */
public final class SalesforceApiStub {

  public static final String CHATTER = "/services/data/v65.0/chatter/feed-elements";

  private SalesforceApiStub() {}

  public static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  /** For a {@code @DynamicPropertySource} method: the app talks to this server with client credentials. */
  public static void register(DynamicPropertyRegistry registry, WireMockServer server) {
    registry.add("handoff.salesforce.base-url", server::baseUrl);
    registry.add("handoff.salesforce.client-id", () -> "handoff-app");
    registry.add("handoff.salesforce.client-secret", () -> "s3cr3t");
  }

  /** Clears earlier stubs and answers the token request. */
  public static void resetWithToken(WireMockServer server) {
    server.resetAll();
    server.stubFor(post("/services/oauth2/token").willReturn(okJson("""
        {"access_token": "00Dtoken", "instance_url": "%s", "token_type": "Bearer", "issued_at": "%d"}"""
        .formatted(server.baseUrl(), System.currentTimeMillis()))));
  }
}
