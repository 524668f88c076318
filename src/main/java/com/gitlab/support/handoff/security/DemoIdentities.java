package com.gitlab.support.handoff.security;

import org.camunda.bpm.engine.IdentityService;

/** Users a profile adds on top of the groups (the demo profile's sam, ava, eli, pat). */
public interface DemoIdentities {

  void create(IdentityService identity);
}
