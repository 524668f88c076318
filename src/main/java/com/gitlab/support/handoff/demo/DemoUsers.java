package com.gitlab.support.handoff.demo;

import com.gitlab.support.handoff.security.DemoIdentities;
import com.gitlab.support.handoff.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo profile's users (password = user id); {@code demo} is the administrator (application-demo.yaml). */
@Component
@Profile("demo")
public class DemoUsers implements DemoIdentities {

  @Override
  public void create(IdentityService identity) {
    user(identity, "demo", "Demo", "Admin", Groups.CAMUNDA_ADMIN, Groups.SUPPORT_ENGINEERS);
    user(identity, "sam", "Sam", "Support Engineer", Groups.SUPPORT_ENGINEERS);
    user(identity, "ava", "Ava", "SMB Advocate AMER", Groups.SMB_ADVOCATES_AMER);
    user(identity, "eli", "Eli", "SMB Advocate EMEA+APJ", Groups.SMB_ADVOCATES_EMEA_APJ);
    user(identity, "pat", "Pat", "Process Owner", Groups.PROCESS_OWNERS);
  }

  private static void user(IdentityService identity, String id, String first, String last, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@example.com");
      user.setPassword(id);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
