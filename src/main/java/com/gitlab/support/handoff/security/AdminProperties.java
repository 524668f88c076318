package com.gitlab.support.handoff.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code handoff.admin.*}, from {@code HANDOFF_ADMIN_USER}/{@code HANDOFF_ADMIN_PASSWORD}: the first
 * administrator. Outside the demo profile there is no user with a known password.
 */
@ConfigurationProperties("handoff.admin")
public record AdminProperties(String user, String password) {

  public boolean isGiven() {
    return user != null && !user.isBlank() && password != null && !password.isBlank();
  }
}
