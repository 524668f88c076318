package com.gitlab.support.handoff.connector.zendesk;

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
    @DefaultValue("PT5M") java.time.Duration webhookTolerance) {

  public boolean isSandbox() {
    return baseUrl == null || baseUrl.isBlank();
  }

  public boolean verifiesWebhooks() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }
}
