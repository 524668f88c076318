package com.gitlab.support.handoff;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.gitlab.support.handoff.connector.salesforce.SalesforceApiStub;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one WireMock extension of the Spring tests: a real HTTP Salesforce, Zendesk or Slack that the
 * application's REST connector talks to. The server starts when the field is created, before the
 * application context reads its URL; before each test its stubs and requests are cleared (Salesforce
 * answers the OAuth token request again); after the class it stops.
 *
 * <pre>
 * &#64;RegisterExtension static final RemoteSystem salesforceApi = RemoteSystem.salesforce();
 *
 * &#64;DynamicPropertySource static void remoteSystems(DynamicPropertyRegistry registry) {
 *   salesforceApi.register(registry);
 * }
 * </pre>
 */
public final class RemoteSystem extends WireMockServer implements BeforeEachCallback, AfterAllCallback {

  private final Map<String, String> credentials;
  private final Consumer<RemoteSystem> reset;
  private final String baseUrlProperty;

  private RemoteSystem(String baseUrlProperty, Map<String, String> credentials, Consumer<RemoteSystem> reset) {
    super(wireMockConfig().dynamicPort());
    this.baseUrlProperty = baseUrlProperty;
    this.credentials = credentials;
    this.reset = reset;
    start();
  }

  /** Salesforce with client credentials; its token endpoint answers after every reset. */
  public static RemoteSystem salesforce() {
    return new RemoteSystem("handoff.salesforce.base-url",
        Map.of("handoff.salesforce.client-id", "handoff-app", "handoff.salesforce.client-secret", "s3cr3t"),
        SalesforceApiStub::resetWithToken);
  }

  /** Zendesk with an API token and the "Escalated to Sales" field. */
  public static RemoteSystem zendesk() {
    return new RemoteSystem("handoff.zendesk.base-url",
        Map.of("handoff.zendesk.email", "support@example.com", "handoff.zendesk.api-token", "zendesk-token",
            "handoff.zendesk.escalated-to-sales-field-id", "360001"),
        WireMockServer::resetAll);
  }

  /** Slack with a bot token. */
  public static RemoteSystem slack() {
    return new RemoteSystem("handoff.slack.base-url", Map.of("handoff.slack.bot-token", "xoxb-test"),
        WireMockServer::resetAll);
  }

  /** For a {@code @DynamicPropertySource} method: the application's connector talks to this server. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add(baseUrlProperty, this::baseUrl);
    credentials.forEach((name, value) -> registry.add(name, () -> value));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset.accept(this);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }
}
