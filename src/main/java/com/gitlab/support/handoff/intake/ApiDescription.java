package com.gitlab.support.handoff.intake;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/**} at {@code /v3/api-docs}, for those who write a client or a
 * Zendesk webhook. It is public, like the health check: it tells only what CONTRACT and the README say,
 * and every {@code /api} call it describes still needs its credentials
 * ({@link com.gitlab.support.handoff.security.ApiAuthenticationFilter}), which it names: HTTP Basic of a
 * Camunda user, or Zendesk's webhook signature once {@code handoff.zendesk.webhook-secret} is set.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

  static final String BASIC = "httpBasic";
  static final String ZENDESK_SIGNATURE = "zendeskWebhookSignature";

  /** The version of the interface CONTRACT describes, not of the application: it changes when a name does. */
  static final String VERSION = "1";

  @Bean
  OpenAPI salesHandoffApi() {
    return new OpenAPI()
        .info(new Info().title("sales-handoff API").version(VERSION).description(
            "GitLab Support's handoffs to Sales: start a handoff, open an SMB case, receive Zendesk's ticket "
                + "events, and in sandbox mode read the recorded side effects. Errors are application/problem+json "
                + "naming the bad field."))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A Camunda user's id and password, in a group that works with the resource"))
            .addSecuritySchemes(ZENDESK_SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Zendesk-Webhook-Signature")
                .description("With handoff.zendesk.webhook-secret set, POST /api/handoffs and POST /api/zendesk/events "
                    + "take Zendesk's signature instead: base64 HMAC-SHA256 of X-Zendesk-Webhook-Signature-Timestamp "
                    + "followed by the raw body")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(ZENDESK_SIGNATURE));
  }

  /** A field that takes one of listed values ({@link OneOf}) is an enum in the schema, so clients see them. */
  @Bean
  PropertyCustomizer oneOfAsEnum() {
    return (Schema property, AnnotatedType type) -> {
      Annotation[] annotations = type.getCtxAnnotations();
      if (annotations != null) {
        Arrays.stream(annotations).filter(OneOf.class::isInstance).map(OneOf.class::cast).findFirst()
            .ifPresent(oneOf -> property.setEnum(List.of((Object[]) oneOf.value())));
      }
      return property;
    };
  }
}
