package com.gitlab.support.handoff;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles {@code demo} (its users: sam, ava, eli, pat) and {@code test} (which overrides the demo's
 * admin and database), plus those named in the system property {@code handoff.test.profiles}: CI
 * runs the same suite again with {@code -Dhandoff.test.profiles=postgres}.
 */
public class TestProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    String extra = System.getProperty("handoff.test.profiles", "");
    return Stream.concat(Stream.of("demo", "test"), Arrays.stream(extra.split(",")).map(String::trim).filter(p -> !p.isEmpty()))
        .toArray(String[]::new);
  }
}
