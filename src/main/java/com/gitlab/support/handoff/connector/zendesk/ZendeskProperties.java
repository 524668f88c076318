package com.gitlab.support.handoff.connector.zendesk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code handoff.zendesk.*}: an empty base URL means the sandbox records ticket updates instead. */
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
