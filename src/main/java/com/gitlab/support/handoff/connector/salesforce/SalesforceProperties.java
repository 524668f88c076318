package com.gitlab.support.handoff.connector.salesforce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code handoff.salesforce.*}: an empty base URL means the sandbox answers instead of Salesforce.
 *
 * @param caseRecordType the Case record type the handoffs create (R12), looked up by name once
 * @param renewalOpportunityType the Opportunity Type of renewals (R5)
 * @param tokenLifetime how long an access token is reused; the client-credentials answer has no
 *     expiry, and Salesforce's shortest session timeout is 15 minutes (a 401 renews it anyway)
 * @param smbAsm the Area Sales Manager's user id per SMB territory (R13, R22):
 *     {@code handoff.salesforce.smb-asm.AMER}, {@code handoff.salesforce.smb-asm.EMEA_APJ}; Salesforce
 *     has no standard field for it. A territory without one: the reminder mentions only the team
 * @param leadConvertedStatus the Lead Status a conversion sets (R37); empty: the org's first Lead
 *     Status marked Converted, looked up once
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

  /** Custom Account fields of the org. */
  public record Fields(
      @DefaultValue("Sales_Segment__c") String salesSegment,
      @DefaultValue("CARR__c") String carr,
      @DefaultValue("Technical_Account_Manager__c") String technicalAccountManager) {}

  /**
   * Case fields that are not standard: Next Steps (R25), Resolution Action and Feedback (R28), and
   * the lookup to the related Opportunity (R12, R38).
   */
  public record CaseFields(
      @DefaultValue("Opportunity__c") String opportunity,
      @DefaultValue("Next_Steps__c") String nextSteps,
      @DefaultValue("Resolution_Action__c") String resolutionAction,
      @DefaultValue("Feedback__c") String feedback) {}

  /**
   * Who owns a sales segment in a territory (R14); Salesforce has no standard object for it, so the
   * real connector reads it from configuration, the sandbox from its CRM file.
   */
  public record TerritoryOwner(String segment, String region, String ownerId) {}

  /** Keeps the client secret out of logs and error pages. */
  @Override
  public String toString() {
    return "SalesforceProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
        + (clientSecret == null ? null : "******") + ", apiVersion=" + apiVersion + "]";
  }
}
