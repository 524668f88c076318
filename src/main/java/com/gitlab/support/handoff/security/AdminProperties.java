package com.gitlab.support.handoff.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code handoff.admin.*}, from {@code HANDOFF_ADMIN_USER}/{@code HANDOFF_ADMIN_PASSWORD}: the first
 * administrator. Outside the demo profile there is no user with a known password.
 *
 * @param user the id of the first administrator (group camunda-admin), created at start-up when missing;
 *     outside the demo profile start-up fails without it
 * @param password the first administrator's password, set only when the user is created
 */
@ConfigurationProperties("handoff.admin")
public record AdminProperties(String user, String password) {

  public boolean isGiven() {
    return user != null && !user.isBlank() && password != null && !password.isBlank();
  }
}
