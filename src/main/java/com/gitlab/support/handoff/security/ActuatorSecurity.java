package com.gitlab.support.handoff.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the guard of {@code /actuator/**}: health probes open, the rest for operators. */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurity {

  @Bean
  FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthentication(
      IdentityService identity, ProblemWriter problems) {
    FilterRegistrationBean<ActuatorAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAuthenticationFilter(identity, problems));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(12);
    return registration;
  }
}
