package com.gitlab.support.handoff.connector;

import com.gitlab.support.handoff.connector.salesforce.RestSalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceProperties;
import com.gitlab.support.handoff.connector.slack.RestSlackConnector;
import com.gitlab.support.handoff.connector.slack.SlackConnector;
import com.gitlab.support.handoff.connector.slack.SlackProperties;
import com.gitlab.support.handoff.connector.zendesk.RestZendeskConnector;
import com.gitlab.support.handoff.connector.zendesk.ZendeskConnector;
import com.gitlab.support.handoff.connector.zendesk.ZendeskProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import org.springframework.web.client.RestClient;

/**
 * Each system whose base URL is set is called for real; the others are played by the sandbox
 * ({@link com.gitlab.support.handoff.connector.sandbox.SandboxConfiguration}, the inverse conditions).
 * Each real client starts from Spring Boot's auto-configured {@link RestClient.Builder} (a new one per
 * injection), so Micrometer times every call as {@code http.client.requests} with {@code system=…}.
 */
@Configuration(proxyBeanMethods = false)
public class RestConnectorConfiguration {

  /** Spring Boot's builders observe every other HTTP client with this convention: {@code system=none}. */
  @Bean
  ClientRequestObservationConvention otherClientsObservationConvention() {
    return SystemClientObservationConvention.otherClients();
  }

  @Bean
  @ConditionalOnExpression("!'${handoff.salesforce.base-url:}'.isBlank()")
  SalesforceConnector restSalesforceConnector(SalesforceProperties properties, RestClient.Builder http) {
    return new RestSalesforceConnector(properties, http, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnExpression("!'${handoff.zendesk.base-url:}'.isBlank()")
  ZendeskConnector restZendeskConnector(ZendeskProperties properties, RestClient.Builder http) {
    return new RestZendeskConnector(properties, http);
  }

  @Bean
  @ConditionalOnExpression("!'${handoff.slack.base-url:}'.isBlank()")
  SlackConnector restSlackConnector(SlackProperties properties, RestClient.Builder http) {
    return new RestSlackConnector(properties, http);
  }
}
