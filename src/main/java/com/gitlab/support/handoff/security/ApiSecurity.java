package com.gitlab.support.handoff.security;

import com.gitlab.support.handoff.connector.zendesk.ZendeskProperties;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the guard of the application's own HTTP API. */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      IdentityService identity, ZendeskProperties zendesk, ProblemWriter problems) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, zendesk, problems));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(11);
    return registration;
  }
}
