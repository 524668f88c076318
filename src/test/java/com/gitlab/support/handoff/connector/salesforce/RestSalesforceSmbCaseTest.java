package com.gitlab.support.handoff.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.gitlab.support.handoff.connector.ConnectorException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The REST client's SMB case calls against WireMock, in Salesforce's documented shapes: R37 lead
 * conversion (SOAP {@code convertLead()} with the OAuth token as session id), R38 the Opportunity
 * update, R22 the territory's ASM from configuration.
 */
class RestSalesforceSmbCaseTest {

  private static final String API = "/services/data/v65.0";
  private static final String SOAP = "/services/Soap/u/65.0";
  private static final String LEAD_SOQL = "SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE Id = '00QL1' LIMIT 1";
  private static final String STATUS_SOQL = "SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1";

  @RegisterExtension
  static WireMockExtension login = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension instance = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final RestSalesforceConnectorTest.MutableClock clock =
      new RestSalesforceConnectorTest.MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
  private RestSalesforceConnector salesforce;

  @BeforeEach
  void connectToWireMock() {
    salesforce = connector(Duration.ofSeconds(15), Map.of());
    login.stubFor(post("/services/oauth2/token").willReturn(token("00Dtoken1")));
  }

  @Nested
  @DisplayName("R37: lead conversion")
  class LeadConversion {

    @BeforeEach
    void convertedStatusExists() {
      stubQuery(STATUS_SOQL, records("{\"attributes\": {\"type\": \"LeadStatus\"}, \"MasterLabel\": \"Closed - Converted\"}"));
    }

    @Test
    @DisplayName("R37: an open Lead is converted by SOAP convertLead under the case's account, no opportunity, with the OAuth token")
    void r37_convertsTheLead() {
      stubQuery(LEAD_SOQL, lead(false, null));
      instance.stubFor(post(SOAP).willReturn(soap(200, convertResult("003C1"))));

      String contactId = salesforce.convertLead("00QL1", "001A1", "effect-1");

      assertThat(contactId).isEqualTo("003C1");
      instance.verify(1, postRequestedFor(urlPathEqualTo(SOAP))
          .withHeader("Content-Type", containing("text/xml"))
          .withHeader("SOAPAction", equalTo("\"\""))
          .withRequestBody(containing("<urn:SessionHeader><urn:sessionId>00Dtoken1</urn:sessionId></urn:SessionHeader>"))
          .withRequestBody(containing("<urn:convertLead><urn:leadConverts><urn:accountId>001A1</urn:accountId>"
              + "<urn:convertedStatus>Closed - Converted</urn:convertedStatus>"
              + "<urn:doNotCreateOpportunity>true</urn:doNotCreateOpportunity>"
              + "<urn:leadId>00QL1</urn:leadId></urn:leadConverts></urn:convertLead>")));
    }

    @Test
    @DisplayName("R37: without an account Salesforce makes one from the Lead; the converted status is looked up once")
    void r37_withoutAccount() {
      stubQuery(LEAD_SOQL, lead(false, null));
      instance.stubFor(post(SOAP).willReturn(soap(200, convertResult("003C1"))));

      salesforce.convertLead("00QL1", null, "effect-1");
      salesforce.convertLead("00QL1", null, "effect-2");

      instance.verify(postRequestedFor(urlPathEqualTo(SOAP)).withRequestBody(notContaining("accountId")));
      instance.verify(1, getRequestedFor(urlPathEqualTo(API + "/query")).withQueryParam("q", equalTo(STATUS_SOQL)));
    }

    @Test
    @DisplayName("R37: an answer lost to a timeout: the retry finds the Lead converted and takes its Contact, no second conversion")
    void r37_conversionAlreadyDone() {
      salesforce = connector(Duration.ofMillis(300), Map.of());
      stubInScenario(queryOf(LEAD_SOQL), Scenario.STARTED, okJson(lead(false, null)));
      stubInScenario(queryOf(LEAD_SOQL), "converted", okJson(lead(true, "003C1")));
      instance.stubFor(post(SOAP).inScenario("conversion").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(soap(200, convertResult("003C1")).withFixedDelay(1500)).willSetStateTo("converted"));

      assertThatThrownBy(() -> salesforce.convertLead("00QL1", "001A1", "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.hadNoEffect()).isFalse();
          });

      assertThat(salesforce.findConvertedContact("00QL1", "effect-1")).contains("003C1");
      assertThat(salesforce.convertLead("00QL1", "001A1", "effect-1")).isEqualTo("003C1");
      instance.verify(1, postRequestedFor(urlPathEqualTo(SOAP)));
    }

    @Test
    @DisplayName("R37: a Lead not converted yet is not found as done; an unknown Lead is refused before any conversion")
    void r37_notConvertedAndUnknown() {
      stubQuery(LEAD_SOQL, lead(false, null));
      stubQuery("SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE Id = '00QXX' LIMIT 1", records());

      assertThat(salesforce.findConvertedContact("00QL1", "effect-1")).isEmpty();
      assertThatThrownBy(() -> salesforce.convertLead("00QXX", "001A1", "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessage("Salesforce: there is no Lead 00QXX");
      instance.verify(0, postRequestedFor(urlPathEqualTo(SOAP)));
    }

    @Test
    @DisplayName("R37: a conversion Salesforce refuses (success false) is refused with its status code, message and fields")
    void r37_refused() {
      stubQuery(LEAD_SOQL, lead(false, null));
      instance.stubFor(post(SOAP).willReturn(soap(200, """
          <convertLeadResponse><result>
            <accountId xsi:nil="true"/><contactId xsi:nil="true"/>
            <errors><fields>Phone</fields><message>A contact needs a phone number</message>
              <statusCode>FIELD_CUSTOM_VALIDATION_EXCEPTION</statusCode></errors>
            <leadId>00QL1</leadId><opportunityId xsi:nil="true"/><success>false</success>
          </result></convertLeadResponse>""")));

      assertThatThrownBy(() -> salesforce.convertLead("00QL1", "001A1", "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.hadNoEffect()).isTrue();
          })
          .hasMessage("Salesforce: convertLead of Lead 00QL1 refused: FIELD_CUSTOM_VALIDATION_EXCEPTION: "
              + "A contact needs a phone number (fields: Phone)");
    }

    @Test
    @DisplayName("R37: SOAP faults: a bad request is refused, the API limit is retryable, an expired session renews the token")
    void r37_soapFaults() {
      stubQuery(LEAD_SOQL, lead(false, null));
      instance.stubFor(post(SOAP).willReturn(soap(500, fault("sf:INVALID_CROSS_REFERENCE_KEY",
          "INVALID_CROSS_REFERENCE_KEY: invalid cross reference id"))));
      assertThatThrownBy(() -> salesforce.convertLead("00QL1", "001XX", "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessage("Salesforce: HTTP 500 on POST " + SOAP + ": SOAP fault sf:INVALID_CROSS_REFERENCE_KEY: "
              + "INVALID_CROSS_REFERENCE_KEY: invalid cross reference id");

      instance.stubFor(post(SOAP).willReturn(soap(500, fault("sf:REQUEST_LIMIT_EXCEEDED",
          "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded."))));
      assertThatThrownBy(() -> salesforce.convertLead("00QL1", "001A1", "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue());

      login.stubFor(post("/services/oauth2/token").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(token("00Dexpired")).willSetStateTo("renewed"));
      login.stubFor(post("/services/oauth2/token").inScenario("token").whenScenarioStateIs("renewed")
          .willReturn(token("00Dfresh")));
      salesforce = connector(Duration.ofSeconds(15), Map.of());
      instance.stubFor(post(SOAP).withRequestBody(containing("00Dexpired")).willReturn(soap(500,
          fault("sf:INVALID_SESSION_ID", "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session"))));
      instance.stubFor(post(SOAP).withRequestBody(containing("00Dfresh")).willReturn(soap(200, convertResult("003C2"))));
      assertThat(salesforce.convertLead("00QL1", "001A1", "effect-1")).isEqualTo("003C2");
    }

    @Test
    @DisplayName("R37: Salesforce down for maintenance (503, no SOAP) is retryable")
    void r37_unavailable() {
      stubQuery(LEAD_SOQL, lead(false, null));
      instance.stubFor(post(SOAP).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
          .withBody("<html><body>Down for maintenance</body></html>")));

      assertThatThrownBy(() -> salesforce.convertLead("00QL1", "001A1", "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessage("Salesforce: HTTP 503 Service Unavailable on POST " + SOAP);
    }
  }

  @Nested
  @DisplayName("R38: the Opportunity")
  class Opportunity {

    private static final String OPPORTUNITY = API + "/sobjects/Opportunity/006O9";

    @Test
    @DisplayName("R38: closing PATCHes Close Date and Stage; a close date alone leaves the stage as it is")
    void r38_updatesTheOpportunity() {
      instance.stubFor(patch(urlPathEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(204)));

      salesforce.updateOpportunity("006O9", new OpportunityUpdate(LocalDate.parse("2026-11-27"), "Closed Won"));
      salesforce.updateOpportunity("006O9", new OpportunityUpdate(LocalDate.parse("2026-12-15"), null));
      salesforce.updateOpportunity("006O9", new OpportunityUpdate(null, null));

      instance.verify(2, patchRequestedFor(urlPathEqualTo(OPPORTUNITY)));
      instance.verify(patchRequestedFor(urlPathEqualTo(OPPORTUNITY)).withHeader("Authorization", equalTo("Bearer 00Dtoken1"))
          .withRequestBody(equalToJson("{\"CloseDate\": \"2026-11-27\", \"StageName\": \"Closed Won\"}")));
      instance.verify(patchRequestedFor(urlPathEqualTo(OPPORTUNITY))
          .withRequestBody(equalToJson("{\"CloseDate\": \"2026-12-15\"}")));
    }

    @Test
    @DisplayName("R38: a stage the org does not have (400) is refused with Salesforce's message; 503 is retryable")
    void r38_refused() {
      instance.stubFor(patch(urlPathEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json").withBody("""
              [{"message": "Stage: bad value for restricted picklist field: Won",
                "errorCode": "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "fields": ["StageName"]}]""")));
      assertThatThrownBy(() -> salesforce.updateOpportunity("006O9", new OpportunityUpdate(null, "Won")))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessage("Salesforce: HTTP 400 Bad Request on PATCH " + OPPORTUNITY
              + ": INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Stage: bad value for restricted picklist field: Won (fields: StageName)");

      instance.stubFor(patch(urlPathEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(503)));
      assertThatThrownBy(() -> salesforce.updateOpportunity("006O9", new OpportunityUpdate(null, "Closed Won")))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue());
    }
  }

  @Nested
  @DisplayName("R22: the SMB territory's ASM")
  class Asm {

    @Test
    @DisplayName("R22: the configured ASM of the territory, named as Salesforce names the user")
    void r22_asmFound() {
      salesforce = connector(Duration.ofSeconds(15), bound(Map.of("handoff.salesforce.smb-asm.EMEA_APJ", "005ASM2")).smbAsm());
      stubQuery("SELECT Id, Name, ManagerId FROM User WHERE Id = '005ASM2' LIMIT 1",
          records("{\"attributes\": {\"type\": \"User\"}, \"Id\": \"005ASM2\", \"Name\": \"Erin ASM\", \"ManagerId\": \"005U3\"}"));

      assertThat(salesforce.findSmbTerritoryAsm("EMEA_APJ")).contains(new SalesforceUser("005ASM2", "Erin ASM", "005U3"));
    }

    @Test
    @DisplayName("R22: a territory without an ASM in the configuration has none, and Salesforce is not asked")
    void r22_asmAbsent() {
      salesforce = connector(Duration.ofSeconds(15), Map.of("AMER", "005ASM1"));

      assertThat(salesforce.findSmbTerritoryAsm("EMEA_APJ")).isEmpty();
      instance.verify(0, getRequestedFor(urlPathEqualTo(API + "/query")));
    }

    @Test
    @DisplayName("R22: the property names bind as documented, from a file and from environment variables; a wrong territory stops start-up")
    void r22_propertyNames() {
      assertThat(bound(Map.of("handoff.salesforce.smb-asm.AMER", "005ASM1", "handoff.salesforce.smb-asm.EMEA_APJ", "005ASM2"))
          .smbAsmId("EMEA_APJ")).contains("005ASM2");
      assertThat(bound(Map.of("handoff.salesforce.smb-asm[EMEA_APJ]", "005ASM2")).smbAsmId("EMEA_APJ")).contains("005ASM2");
      SalesforceProperties fromEnvironment = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          Map.of("HANDOFF_SALESFORCE_SMBASM_EMEA_APJ", "005ASM2", "HANDOFF_SALESFORCE_SMBASM_AMER", "005ASM1"))))
          .bindOrCreate("handoff.salesforce", Bindable.of(SalesforceProperties.class));
      assertThat(fromEnvironment.smbAsmId("EMEA_APJ")).contains("005ASM2");
      assertThat(fromEnvironment.smbAsmId("AMER")).contains("005ASM1");
      assertThatThrownBy(() -> RestSalesforceConnectorTest.properties("", Duration.ofSeconds(1), Map.of("APAC", "005ASM3")))
          .hasMessage("handoff.salesforce.smb-asm.APAC: not an SMB territory (one of AMER, EMEA_APJ)");
    }
  }

  // ---- fixtures ---------------------------------------------------------------------------------

  private RestSalesforceConnector connector(Duration readTimeout, Map<String, String> smbAsm) {
    return new RestSalesforceConnector(RestSalesforceConnectorTest.properties(login.baseUrl(), readTimeout, smbAsm), clock);
  }

  private static SalesforceProperties bound(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("handoff.salesforce", Bindable.of(SalesforceProperties.class));
  }

  private ResponseDefinitionBuilder token(String accessToken) {
    return okJson("""
        {"access_token": "%s", "instance_url": "%s", "token_type": "Bearer", "issued_at": "%d"}"""
        .formatted(accessToken, instance.baseUrl(), clock.instant().toEpochMilli()));
  }

  private static MappingBuilder queryOf(String soql) {
    return get(urlPathEqualTo(API + "/query")).withQueryParam("q", equalTo(soql));
  }

  private static void stubQuery(String soql, String answer) {
    instance.stubFor(queryOf(soql).willReturn(okJson(answer)));
  }

  private static void stubInScenario(MappingBuilder request, String state, ResponseDefinitionBuilder answer) {
    instance.stubFor(request.inScenario("conversion").whenScenarioStateIs(state).willReturn(answer));
  }

  private static String records(String... records) {
    return "{\"totalSize\": " + records.length + ", \"done\": true, \"records\": [" + String.join(",", records) + "]}";
  }

  private static String lead(boolean converted, String contactId) {
    return records("""
        {"attributes": {"type": "Lead", "url": "/services/data/v65.0/sobjects/Lead/00QL1"},
         "Id": "00QL1", "IsConverted": %s, "ConvertedContactId": %s}"""
        .formatted(converted, contactId == null ? "null" : "\"" + contactId + "\""));
  }

  /** A SOAP envelope of the Partner API around {@code body}, as Salesforce answers. */
  private static ResponseDefinitionBuilder soap(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com"
            xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <soapenv:Header><LimitInfoHeader><limitInfo><current>12</current><limit>15000</limit>
           <type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>
         <soapenv:Body>%s</soapenv:Body>
        </soapenv:Envelope>""".formatted(body));
  }

  private static String convertResult(String contactId) {
    return """
        <convertLeadResponse><result><accountId>001A1</accountId><contactId>%s</contactId>
          <leadId>00QL1</leadId><opportunityId xsi:nil="true"/><success>true</success></result></convertLeadResponse>"""
        .formatted(contactId);
  }

  private static String fault(String faultCode, String faultString) {
    String code = faultCode.substring(faultCode.indexOf(':') + 1);
    return """
        <soapenv:Fault><faultcode>%s</faultcode><faultstring>%s</faultstring>
          <detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault">
            <sf:exceptionCode>%s</sf:exceptionCode><sf:exceptionMessage>%s</sf:exceptionMessage>
          </sf:UnexpectedErrorFault></detail></soapenv:Fault>"""
        .formatted(faultCode, faultString, code, faultString.substring(faultString.indexOf(':') + 2));
  }
}
