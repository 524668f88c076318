package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.slack.SlackConnector;
import com.gitlab.support.handoff.connector.zendesk.ZendeskConnector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each system whose base URL is empty is played by the sandbox. */
@Configuration(proxyBeanMethods = false)
public class SandboxConfiguration {

  @Bean
  SandboxCrm sandboxCrm(SandboxProperties properties) {
    return SandboxCrmReader.read(properties.data());
  }

  @Bean
  @ConditionalOnExpression("'${handoff.salesforce.base-url:}'.isBlank()")
  SalesforceConnector sandboxSalesforceConnector(SandboxCrm crm, Outbox outbox, SandboxReplies replies) {
    return new SandboxSalesforceConnector(crm, outbox, replies);
  }

  @Bean
  @ConditionalOnExpression("'${handoff.zendesk.base-url:}'.isBlank()")
  ZendeskConnector sandboxZendeskConnector(Outbox outbox) {
    return new SandboxZendeskConnector(outbox);
  }

  @Bean
  @ConditionalOnExpression("'${handoff.slack.base-url:}'.isBlank()")
  SlackConnector sandboxSlackConnector(Outbox outbox, SandboxCrm crm, SandboxReplies replies) {
    return new SandboxSlackConnector(outbox, crm, replies);
  }
}
