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
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each system whose base URL is set is called for real; the others are played by the sandbox
 * ({@link com.gitlab.support.handoff.connector.sandbox.SandboxConfiguration}, the inverse conditions).
 */
@Configuration(proxyBeanMethods = false)
public class RestConnectorConfiguration {

  @Bean
  @ConditionalOnExpression("!'${handoff.salesforce.base-url:}'.isBlank()")
  SalesforceConnector restSalesforceConnector(SalesforceProperties properties) {
    return new RestSalesforceConnector(properties);
  }

  @Bean
  @ConditionalOnExpression("!'${handoff.zendesk.base-url:}'.isBlank()")
  ZendeskConnector restZendeskConnector(ZendeskProperties properties) {
    return new RestZendeskConnector(properties);
  }

  @Bean
  @ConditionalOnExpression("!'${handoff.slack.base-url:}'.isBlank()")
  SlackConnector restSlackConnector(SlackProperties properties) {
    return new RestSlackConnector(properties);
  }
}
