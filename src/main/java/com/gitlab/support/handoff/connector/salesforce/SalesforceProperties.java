package com.gitlab.support.handoff.connector.salesforce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code handoff.salesforce.*}: an empty base URL means the sandbox answers instead of Salesforce.
 *
 * @param baseUrl the org's My Domain URL, e.g. https://acme.my.salesforce.com; empty: the sandbox
 *     answers from handoff.sandbox.data and records side effects instead
 * @param clientId the connected app's consumer key (OAuth 2.0 client-credentials flow at
 *     {base-url/services/oauth2/token})
 * @param clientSecret the connected app's consumer secret
 * @param apiVersion the REST API version, e.g. v65.0; any version the org serves
 * @param smbAdvocateTeamGroupId the Chatter group mentioned as @SMB Advocate Team
 * @param fields the names of the org's custom Account fields
 * @param territoryOwners who owns a sales segment in a territory when an account has no person owner (R14)
 * @param caseFields the names of the org's custom Case fields
 * @param caseRecordType the Case record type the handoffs create (R12), looked up by name once
 * @param renewalOpportunityType the Opportunity Type of renewals (R5)
 * @param tokenLifetime how long an access token is reused; the client-credentials answer has no
 *     expiry, and Salesforce's shortest session timeout is 15 minutes (a 401 renews it anyway)
 * @param smbAsm the Area Sales Manager's user id per SMB territory (R13, R22):
 *     handoff.salesforce.smb-asm.AMER and handoff.salesforce.smb-asm.EMEA_APJ; Salesforce
 *     has no standard field for it. A territory without one: the reminder mentions only the team
 * @param leadConvertedStatus the Lead Status a conversion sets (R37); empty: the org's first Lead
 *     Status marked Converted, looked up once
 * @param connectTimeout how long to wait for a connection to Salesforce
 * @param readTimeout how long to wait for Salesforce's answer; a retry asks Salesforce before calling again
 */
@Validated
@ConfigurationProperties("handoff.salesforce")
public record SalesforceProperties(
    String baseUrl,
    String clientId,
    String clientSecret,
    @DefaultValue("v65.0") @NotBlank String apiVersion,
    String smbAdvocateTeamGroupId,
    @DefaultValue Fields fields,
    @DefaultValue List<TerritoryOwner> territoryOwners,
    @DefaultValue Map<String, String> smbAsm,
    @DefaultValue CaseFields caseFields,
    @DefaultValue("SMB Sales Case") @NotBlank String caseRecordType,
    @DefaultValue("Renewal") @NotBlank String renewalOpportunityType,
    String leadConvertedStatus,
    @DefaultValue("PT15M") @NotNull Duration tokenLifetime,
    @DefaultValue("PT5S") @NotNull Duration connectTimeout,
    @DefaultValue("PT15S") @NotNull Duration readTimeout) {

  /** The SMB territories of DMN {@code smbAccount}, the keys {@link #smbAsm} may have. */
  public static final List<String> SMB_TERRITORIES = List.of("AMER", "EMEA_APJ");

  public SalesforceProperties {
    smbAsm = smbAsm == null ? Map.of() : Map.copyOf(smbAsm);
    for (Map.Entry<String, String> asm : smbAsm.entrySet()) {
      if (SMB_TERRITORIES.stream().noneMatch(territory -> sameTerritory(territory, asm.getKey()))) {
        throw new IllegalStateException("handoff.salesforce.smb-asm." + asm.getKey()
            + ": not an SMB territory (one of " + String.join(", ", SMB_TERRITORIES) + ")");
      }
      if (asm.getValue() == null || asm.getValue().isBlank()) {
        throw new IllegalStateException("handoff.salesforce.smb-asm." + asm.getKey() + " names no user id");
      }
    }
  }

  public boolean isSandbox() {
    return baseUrl == null || baseUrl.isBlank();
  }

  /**
   * The configured ASM's user id of an SMB territory. Keys compare without case and punctuation:
   * Spring drops the underscore of an unbracketed map key ({@code smb-asm.EMEA_APJ} binds as
   * {@code EMEAAPJ}) and an environment variable's keys arrive in lower case.
   */
  public Optional<String> smbAsmId(String smbTerritory) {
    return smbAsm.entrySet().stream()
        .filter(asm -> sameTerritory(smbTerritory, asm.getKey()))
        .map(asm -> asm.getValue().trim())
        .findFirst();
  }

  private static boolean sameTerritory(String a, String b) {
    return a != null && b != null && squeezed(a).equals(squeezed(b));
  }

  private static String squeezed(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Custom Account fields of the org.
   *
   * @param salesSegment the Account field with the sales segment (LARGE, MID_MARKET, SMALL)
   * @param carr the Account field with the customer's annual recurring revenue in USD (R7)
   * @param technicalAccountManager the Account field with the Technical Account Manager's user id (R17)
   * @param userRegion the User field with the salesperson's region (AMER, EMEA, APJ, or another calendar
   *     name of handoff.calendar.regions), whose business calendar their timers count on; empty: not
   *     read, and the account's billing region chooses the calendar
   */
  public record Fields(
      @DefaultValue("Sales_Segment__c") String salesSegment,
      @DefaultValue("CARR__c") String carr,
      @DefaultValue("Technical_Account_Manager__c") String technicalAccountManager,
      String userRegion) {

    @ConstructorBinding
    public Fields {}

    public Fields(String salesSegment, String carr, String technicalAccountManager) {
      this(salesSegment, carr, technicalAccountManager, null);
    }

    /** The User field with the region, if one is configured. */
    public Optional<String> userRegionField() {
      return userRegion == null || userRegion.isBlank() ? Optional.empty() : Optional.of(userRegion.strip());
    }
  }

  /**
   * Case fields that are not standard: Next Steps (R25), Resolution Action and Feedback (R28), and
   * the lookup to the related Opportunity (R12, R38).
   *
   * @param opportunity the Case field that looks up the related Opportunity
   * @param nextSteps the Case field with the advocate's next steps (R25)
   * @param resolutionAction the Case field with the resolution action (R28)
   * @param feedback the Case field with the feedback (R28)
   */
  public record CaseFields(
      @DefaultValue("Opportunity__c") String opportunity,
      @DefaultValue("Next_Steps__c") String nextSteps,
      @DefaultValue("Resolution_Action__c") String resolutionAction,
      @DefaultValue("Feedback__c") String feedback) {}

  /**
   * Who owns a sales segment in a territory (R14); Salesforce has no standard object for it, so the
   * real connector reads it from configuration, the sandbox from its CRM file.
   *
   * @param segment the sales segment: LARGE, MID_MARKET or SMALL
   * @param region the territory: AMER or EMEA_APJ
   * @param ownerId the Salesforce user id of the owner
   */
  public record TerritoryOwner(String segment, String region, String ownerId) {}

  /** Keeps the client secret out of logs and error pages. */
  @Override
  public String toString() {
    return "SalesforceProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
        + (clientSecret == null ? null : "******") + ", apiVersion=" + apiVersion + "]";
  }
}
