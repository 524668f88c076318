package com.gitlab.support.handoff.connector.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's Salesforce data, read from the CRM file ({@code handoff.sandbox.data}).
 * Sections beyond CONTRACT's (opportunities, activities, asms) feed R5, R11 and R13/R22.
 */
public record SandboxCrm(
    List<User> users,
    List<Group> groups,
    List<Account> accounts,
    List<Territory> territories,
    List<Opportunity> opportunities,
    List<Activity> activities,
    List<Asm> asms) {

  /** A user; {@code region} (optional) is what the org's User region field holds. */
  public record User(String id, String name, String managerId, String email, String region) {}

  public record Group(String id, String name) {}

  public record Account(String id, String name, String domain, String ownerId, Integer employees,
      String billingCountry, BigDecimal carr, String salesSegment, String tamId) {}

  public record Territory(String segment, String region, String ownerId) {}

  public record Opportunity(String id, String accountId, String type, String ownerId, LocalDate closeDate) {}

  public record Activity(String accountId, LocalDate date, String subject) {}

  /** The Area Sales Manager of an SMB territory (R13, R22). */
  public record Asm(String territory, String userId) {}

  public Optional<User> user(String id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<Group> groupNamed(String name) {
    return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<Account> accountByDomain(String domain) {
    return accounts.stream().filter(a -> a.domain() != null && a.domain().equalsIgnoreCase(domain)).findFirst();
  }
}
