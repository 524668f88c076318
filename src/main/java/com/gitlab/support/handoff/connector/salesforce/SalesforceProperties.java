package com.gitlab.support.handoff.connector.salesforce;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code handoff.salesforce.*}: an empty base URL means the sandbox answers instead of Salesforce. */
@Validated
@ConfigurationProperties("handoff.salesforce")
public record SalesforceProperties(
    String baseUrl,
    String clientId,
    String clientSecret,
    @DefaultValue("v65.0") @NotBlank String apiVersion,
    String smbAdvocateTeamGroupId,
    @DefaultValue Fields fields,
    @DefaultValue List<TerritoryOwner> territoryOwners) {

  public boolean isSandbox() {
    return baseUrl == null || baseUrl.isBlank();
  }

  /** Custom Account fields of the org. */
  public record Fields(
      @DefaultValue("Sales_Segment__c") String salesSegment,
      @DefaultValue("CARR__c") String carr,
      @DefaultValue("Technical_Account_Manager__c") String technicalAccountManager) {}

  /**
   * Who owns a sales segment in a territory (R14); Salesforce has no standard object for it, so the
   * real connector reads it from configuration, the sandbox from its CRM file.
   */
  public record TerritoryOwner(String segment, String region, String ownerId) {}
}
