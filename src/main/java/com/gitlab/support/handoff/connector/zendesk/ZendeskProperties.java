package com.gitlab.support.handoff.connector.zendesk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code handoff.zendesk.*}: an empty base URL means the sandbox records ticket updates instead.
 *
 * @param baseUrl the Zendesk instance, e.g. https://acme.zendesk.com; empty: the sandbox records
 *     ticket updates instead
 * @param email the agent whose API token is used (basic authentication {email/token:{api-token}})
 * @param apiToken the Zendesk API token of that agent
 * @param escalatedToSalesFieldId the id of the ticket's "Escalated to sales" checkbox field
 * @param webhookSecret the signing secret of the Zendesk webhooks; set, POST /api/handoffs and
 *     POST /api/zendesk/events must carry Zendesk's signature. Several secrets, comma-separated, as
 *     Zendesk gives each webhook its own
 * @param webhookTolerance how far a webhook's signature timestamp may be from now before it is refused
 *     (a replayed request)
 * @param connectTimeout how long to wait for a connection to Zendesk
 * @param readTimeout how long to wait for Zendesk's answer; a retry asks Zendesk before calling again
 */
@ConfigurationProperties("handoff.zendesk")
public record ZendeskProperties(
    String baseUrl,
    String email,
    String apiToken,
    Long escalatedToSalesFieldId,
    String webhookSecret,
    @DefaultValue("PT5M") Duration webhookTolerance,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT15S") Duration readTimeout) {

  public boolean isSandbox() {
    return baseUrl == null || baseUrl.isBlank();
  }

  public boolean verifiesWebhooks() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }

  /** Keeps the API token and the webhook secret out of logs and error pages. */
  @Override
  public String toString() {
    return "ZendeskProperties[baseUrl=" + baseUrl + ", email=" + email + ", apiToken="
        + (apiToken == null ? null : "******") + ", escalatedToSalesFieldId=" + escalatedToSalesFieldId
        + ", webhookSecret=" + (webhookSecret == null ? null : "******") + "]";
  }
}
