package com.gitlab.support.handoff.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.ExternalSystem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real Salesforce client against two WireMock servers: the login host ({@code base-url}, where
 * the token comes from) and the instance the token names ({@code instance_url}, where the API is).
 */
class RestSalesforceConnectorTest {

  private static final String API = "/services/data/v65.0";
  private static final String TOKEN_PATH = "/services/oauth2/token";

  @RegisterExtension
  static WireMockExtension login = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension instance = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private RestSalesforceConnector salesforce;

  @BeforeEach
  void connectToWireMock() {
    salesforce = new RestSalesforceConnector(properties(login.baseUrl(), Duration.ofSeconds(15)), clock);
    stubToken("00Dtoken1");
  }

  @Nested
  @DisplayName("OAuth 2.0 client credentials")
  class Token {

    @Test
    @DisplayName("asks for a token with the client credentials as a form, then calls the API with it on instance_url")
    void clientCredentials() {
      stubQuery("SELECT Id, Name, ManagerId FROM User WHERE Id = '005U1' LIMIT 1", records());

      salesforce.findUser("005U1");

      login.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
          .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
          .withFormParam("grant_type", equalTo("client_credentials"))
          .withFormParam("client_id", equalTo("handoff-app"))
          .withFormParam("client_secret", equalTo("s3cr3t&=+")));
      instance.verify(1, getRequestedFor(urlPathEqualTo(API + "/query"))
          .withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
    }

    @Test
    @DisplayName("reuses the token until its lifetime is over, then asks for a new one")
    void cachedUntilItExpires() {
      stubQuery("SELECT Id, Name, ManagerId FROM User WHERE Id = '005U1' LIMIT 1", records());

      salesforce.findUser("005U1");
      clock.advance(Duration.ofMinutes(10));
      salesforce.findUser("005U1");
      login.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

      clock.advance(Duration.ofMinutes(5)); // 15 minutes: the configured lifetime
      salesforce.findUser("005U1");
      login.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    @DisplayName("a 401 renews the token once and repeats the call with the new one")
    void refreshOn401() {
      login.stubFor(post(TOKEN_PATH).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(tokenAnswer("00Dexpired")).willSetStateTo("renewed"));
      login.stubFor(post(TOKEN_PATH).inScenario("token").whenScenarioStateIs("renewed")
          .willReturn(tokenAnswer("00Dfresh")));
      instance.stubFor(get(urlPathEqualTo(API + "/query")).withHeader("Authorization", equalTo("Bearer 00Dexpired"))
          .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
              .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
      instance.stubFor(get(urlPathEqualTo(API + "/query")).withHeader("Authorization", equalTo("Bearer 00Dfresh"))
          .willReturn(okJson(records("{\"Id\":\"005U1\",\"Name\":\"Jane Owner\",\"ManagerId\":\"005U2\"}"))));

      Optional<SalesforceUser> user = salesforce.findUser("005U1");

      assertThat(user).contains(new SalesforceUser("005U1", "Jane Owner", "005U2"));
      login.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
      instance.verify(2, getRequestedFor(urlPathEqualTo(API + "/query")));
    }

    @Test
    @DisplayName("a 401 with the fresh token too is refused, with Salesforce's words")
    void refusedTwice() {
      instance.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(aResponse().withStatus(401)
          .withHeader("Content-Type", "application/json")
          .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

      assertThatThrownBy(() -> salesforce.findUser("005U1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("Salesforce: HTTP 401")
          .hasMessageContaining("INVALID_SESSION_ID: Session expired or invalid");
      login.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    @DisplayName("wrong client credentials are refused with the OAuth error, and the secret appears nowhere")
    void wrongCredentials() {
      login.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));

      assertThatThrownBy(() -> salesforce.findUser("005U1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.system()).isEqualTo(ExternalSystem.SALESFORCE);
          })
          .hasMessage("Salesforce: HTTP 400 Bad Request on POST /services/oauth2/token: "
              + "invalid_client: invalid client credentials")
          .message().doesNotContain("s3cr3t");
    }
  }

  @Nested
  @DisplayName("SOQL look-ups")
  class LookUps {

    @Test
    @DisplayName("R4: the Account whose Website is on the email domain, with owner, size, country, segment, cARR and TAM")
    void accountByDomain() {
      stubQuery("SELECT Id, Name, OwnerId, Owner.Name, NumberOfEmployees, BillingCountry, Website, "
              + "Sales_Segment__c, CARR__c, Technical_Account_Manager__c FROM Account "
              + "WHERE Website LIKE '%acme.com%' ORDER BY CreatedDate ASC LIMIT 200",
          records(
              "{\"Id\":\"001X\",\"Name\":\"Not Acme\",\"Website\":\"https://www.notacme.com\"}",
              """
              {"attributes":{"type":"Account"},"Id":"001A1","Name":"Acme","OwnerId":"005U1",
               "Owner":{"attributes":{"type":"User"},"Name":"Jane Owner"},"NumberOfEmployees":5000,
               "BillingCountry":"US","Website":"https://www.acme.com/en","Sales_Segment__c":"Large",
               "CARR__c":250000.5,"Technical_Account_Manager__c":"005U7"}"""));
      stubQuery("SELECT Id, Name, Email FROM User WHERE Id = '005U7' LIMIT 1",
          records("{\"Id\":\"005U7\",\"Name\":\"Tom TAM\",\"Email\":\"tom.tam@acme.example\"}"));

      Optional<Account> account = salesforce.findAccountByEmailDomain("Acme.com");

      assertThat(account).contains(new Account("001A1", "Acme", "005U1", "Jane Owner", 5000, "US",
          new BigDecimal("250000.5"), "Large", "005U7", "Tom TAM", "tom.tam@acme.example"));
      // The query string is encoded strictly: quotes, %, spaces and = never reach Salesforce raw.
      assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(API + "/query"))).get(0).getUrl())
          .contains("Website%20LIKE%20%27%25acme.com%25%27");
    }

    @Test
    @DisplayName("no Account on the domain: nothing found, and no TAM look-up")
    void noAccount() {
      stubQuery("SELECT Id, Name, OwnerId, Owner.Name, NumberOfEmployees, BillingCountry, Website, "
          + "Sales_Segment__c, CARR__c, Technical_Account_Manager__c FROM Account "
          + "WHERE Website LIKE '%initech.com%' ORDER BY CreatedDate ASC LIMIT 200", records());

      assertThat(salesforce.findAccountByEmailDomain("initech.com")).isEmpty();
      instance.verify(1, getRequestedFor(urlPathEqualTo(API + "/query")));
    }

    @Test
    @DisplayName("quotes, backslashes and LIKE wildcards in input are escaped, so they cannot change the query")
    void escapesLiterals() {
      stubQuery("SELECT Id, Name, ManagerId FROM User WHERE Id = '005\\' OR Name LIKE \\'%' LIMIT 1", records());
      stubQuery("SELECT Id, Name, OwnerId, Owner.Name, NumberOfEmployees, BillingCountry, Website, "
          + "Sales_Segment__c, CARR__c, Technical_Account_Manager__c FROM Account "
          + "WHERE Website LIKE '%o\\'bri\\_en\\%\\\\.com%' ORDER BY CreatedDate ASC LIMIT 200", records());

      assertThat(salesforce.findUser("005' OR Name LIKE '%")).isEmpty();
      assertThat(salesforce.findAccountByEmailDomain("o'bri_en%\\.com")).isEmpty();
    }

    @Test
    @DisplayName("R11: a user with the manager that builds the org chart")
    void userWithManager() {
      stubQuery("SELECT Id, Name, ManagerId FROM User WHERE Id = '005U1' LIMIT 1",
          records("{\"Id\":\"005U1\",\"Name\":\"Jane Owner\",\"ManagerId\":\"005U2\"}"));

      assertThat(salesforce.findUser("005U1")).contains(new SalesforceUser("005U1", "Jane Owner", "005U2"));
    }

    @Test
    @DisplayName("R11: with handoff.salesforce.fields.user-region set, a user and an opportunity owner bring their region")
    void r11_userRegion() {
      SalesforceProperties base = properties(login.baseUrl(), Duration.ofSeconds(15));
      salesforce = new RestSalesforceConnector(new SalesforceProperties(base.baseUrl(), base.clientId(),
          base.clientSecret(), base.apiVersion(), base.smbAdvocateTeamGroupId(),
          new SalesforceProperties.Fields("Sales_Segment__c", "CARR__c", "Technical_Account_Manager__c", "Region__c"),
          base.territoryOwners(), base.smbAsm(), base.caseFields(), base.caseRecordType(),
          base.renewalOpportunityType(), null, base.tokenLifetime(), base.connectTimeout(), base.readTimeout()), clock);
      stubQuery("SELECT Id, Name, ManagerId, Region__c FROM User WHERE Id = '005U1' LIMIT 1",
          records("{\"Id\":\"005U1\",\"Name\":\"Jane Owner\",\"ManagerId\":\"005U2\",\"Region__c\":\"APJ\"}"));
      stubQuery("SELECT Id, Owner.Id, Owner.Name, Owner.ManagerId, Owner.Region__c FROM Opportunity WHERE AccountId = '001A5' "
              + "ORDER BY CreatedDate DESC LIMIT 1",
          records("{\"Id\":\"006O3\",\"Owner\":{\"Id\":\"005U6\",\"Name\":\"Sol Small AMER\",\"ManagerId\":\"005U3\",\"Region__c\":null}}"));

      assertThat(salesforce.findUser("005U1")).contains(new SalesforceUser("005U1", "Jane Owner", "005U2", "APJ"));
      assertThat(salesforce.findLatestOpportunityOwner("001A5"))
          .as("the field is optional per user: empty is no region")
          .contains(new SalesforceUser("005U6", "Sol Small AMER", "005U3", null));
    }

    @Test
    @DisplayName("R5: the owner of the open renewal opportunity that closes next")
    void renewalOwner() {
      stubQuery("SELECT Id, Owner.Id, Owner.Name, Owner.ManagerId FROM Opportunity WHERE AccountId = '001A1' "
              + "AND Type = 'Renewal' AND IsClosed = false AND CloseDate >= TODAY ORDER BY CloseDate ASC LIMIT 1",
          records("{\"Id\":\"006O1\",\"Owner\":{\"Id\":\"005U8\",\"Name\":\"Ria Renewals\",\"ManagerId\":\"005U2\"}}"));

      assertThat(salesforce.findRenewalOpportunityOwner("001A1"))
          .contains(new SalesforceUser("005U8", "Ria Renewals", "005U2"));
    }

    @Test
    @DisplayName("R18: the owner of the account's most recently created opportunity")
    void latestOpportunityOwner() {
      stubQuery("SELECT Id, Owner.Id, Owner.Name, Owner.ManagerId FROM Opportunity WHERE AccountId = '001A5' "
              + "ORDER BY CreatedDate DESC LIMIT 1",
          records("{\"Id\":\"006O3\",\"Owner\":{\"Id\":\"005U6\",\"Name\":\"Sol Small AMER\",\"ManagerId\":\"005U3\"}}"));

      assertThat(salesforce.findLatestOpportunityOwner("001A5"))
          .contains(new SalesforceUser("005U6", "Sol Small AMER", "005U3"));
    }

    @Test
    @DisplayName("R11: an Event created since the handoff counts as outreach when there is no Task")
    void recentActivityFromEvents() {
      stubQuery("SELECT Id FROM Task WHERE AccountId = '001A1' AND CreatedDate >= 2026-02-27T14:30:00Z LIMIT 1",
          records());
      stubQuery("SELECT Id FROM Event WHERE AccountId = '001A1' AND CreatedDate >= 2026-02-27T14:30:00Z LIMIT 1",
          records("{\"Id\":\"00UE1\"}"));

      assertThat(salesforce.hasRecentActivity("001A1", Instant.parse("2026-02-27T14:30:00.123Z"))).isTrue();
    }

    @Test
    @DisplayName("R11: a Task created since the handoff is enough; Events are not asked")
    void recentActivityFromTasks() {
      stubQuery("SELECT Id FROM Task WHERE AccountId = '001A1' AND CreatedDate >= 2026-02-27T14:30:00Z LIMIT 1",
          records("{\"Id\":\"00TT1\"}"));

      assertThat(salesforce.hasRecentActivity("001A1", Instant.parse("2026-02-27T14:30:00Z"))).isTrue();
      instance.verify(1, getRequestedFor(urlPathEqualTo(API + "/query")));
    }

    @Test
    @DisplayName("R11: neither Task nor Event since the handoff: no outreach")
    void noRecentActivity() {
      stubQuery("SELECT Id FROM Task WHERE AccountId = '001A1' AND CreatedDate >= 2026-02-27T14:30:00Z LIMIT 1",
          records());
      stubQuery("SELECT Id FROM Event WHERE AccountId = '001A1' AND CreatedDate >= 2026-02-27T14:30:00Z LIMIT 1",
          records());

      assertThat(salesforce.hasRecentActivity("001A1", Instant.parse("2026-02-27T14:30:00Z"))).isFalse();
    }

    @Test
    @DisplayName("R14: the territory owner comes from configuration, the name from Salesforce")
    void territoryOwner() {
      stubQuery("SELECT Id, Name, ManagerId FROM User WHERE Id = '005U4' LIMIT 1",
          records("{\"Id\":\"005U4\",\"Name\":\"Lara Large AMER\",\"ManagerId\":\"005U2\"}"));

      assertThat(salesforce.findTerritoryOwner("large", "AMER"))
          .contains(new SalesforceUser("005U4", "Lara Large AMER", "005U2"));
      assertThat(salesforce.findTerritoryOwner("SMALL", "APJ")).isEmpty();
    }
  }

  @Nested
  @DisplayName("Chatter and Cases")
  class SideEffects {

    @Test
    @DisplayName("R9: a Chatter post mentions each user or group, then the text, and links to the feed element")
    void chatterWithMentions() {
      instance.stubFor(post(API + "/chatter/feed-elements").willReturn(aResponse().withStatus(201)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"id\":\"0D5FE1\",\"url\":\"/services/data/v65.0/chatter/feed-elements/0D5FE1\"}")));

      ChatterPost post = salesforce.postChatter(
          new ChatterMessage("001A1", "Ticket 4711 asks for a quote.", List.of("005U1", "0F9G1")), "effect-1");

      assertThat(post).isEqualTo(new ChatterPost("0D5FE1", instance.baseUrl() + "/0D5FE1"));
      instance.verify(postRequestedFor(urlPathEqualTo(API + "/chatter/feed-elements"))
          .withHeader("Authorization", equalTo("Bearer 00Dtoken1"))
          .withHeader("Content-Type", containing("application/json"))
          .withRequestBody(equalToJson("""
              {"feedElementType": "FeedItem", "subjectId": "001A1",
               "body": {"messageSegments": [
                 {"type": "Mention", "id": "005U1"},
                 {"type": "Text", "text": " "},
                 {"type": "Mention", "id": "0F9G1"},
                 {"type": "Text", "text": " Ticket 4711 asks for a quote."}]}}""")));
    }

    @Test
    @DisplayName("after a cut-off attempt: a post on the subject's feed since then containing the text is the one made")
    void findsChatterPostOnTheFeed() {
      stubQuery("SELECT Id, Body FROM FeedItem WHERE ParentId = '001A1' AND CreatedDate >= 2026-03-02T08:55:00Z"
              + " ORDER BY CreatedDate DESC LIMIT 200",
          records("{\"Id\":\"0D5X\",\"Body\":\"<p>Another ticket</p>\"}",
              "{\"Id\":\"0D5FE1\",\"Body\":\"<p>@Alex&nbsp;Owner @SMB Team Ticket 4711 asks for a &lt;quote&gt;.</p>\"}"));
      ChatterMessage message = new ChatterMessage("001A1", "Ticket 4711 asks for a <quote>.", List.of("005U1"));

      assertThat(salesforce.findChatterPost(message, "effect-1", clock.instant()))
          .contains(new ChatterPost("0D5FE1", instance.baseUrl() + "/0D5FE1"));
      assertThat(salesforce.findChatterPost(new ChatterMessage("001A1", "Ticket 4712", List.of()), "effect-2",
          clock.instant())).isEmpty();
    }

    @Test
    @DisplayName("after a cut-off attempt: a case with the subject on the account created since then is the one made")
    void findsCaseBySubject() {
      stubQuery("SELECT Id FROM Case WHERE Subject = 'Seats for Tiny Tools' AND AccountId = '001A2'"
          + " AND CreatedDate >= 2026-03-02T08:55:00Z ORDER BY CreatedDate LIMIT 1", records("{\"Id\":\"500C1\"}"));
      stubQuery("SELECT Id FROM Case WHERE Subject = 'Second' AND AccountId = null"
          + " AND CreatedDate >= 2026-03-02T08:55:00Z ORDER BY CreatedDate LIMIT 1", records());

      assertThat(salesforce.findCase(new NewCase("001A2", "Seats for Tiny Tools", "…", "Inbound Request", "High",
          null, null, null), "effect-1", clock.instant())).contains("500C1");
      assertThat(salesforce.findCase(new NewCase(null, "Second", "…", "Inbound Request", "High",
          null, null, null), "effect-2", clock.instant())).isEmpty();
    }

    @Test
    @DisplayName("R12: an SMB Sales Case with its record type, looked up once, and the opportunity field")
    void createCase() {
      stubQuery("SELECT Id FROM RecordType WHERE SobjectType = 'Case' AND Name = 'SMB Sales Case' LIMIT 1",
          records("{\"Id\":\"012RT1\"}"));
      instance.stubFor(post(API + "/sobjects/Case/").willReturn(aResponse().withStatus(201)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"id\":\"500C1\",\"success\":true,\"errors\":[]}")));

      String first = salesforce.createCase(new NewCase("001A2", "Seats for Tiny Tools",
          "Wants 20 seats. https://acme.zendesk.com/agent/tickets/4711", "Inbound Request", "High", "Support",
          "003C1", "006O9"), "effect-1");
      salesforce.createCase(new NewCase(null, "Second", "No account yet", "Inbound Request", "High", null, null, null), "effect-1");

      assertThat(first).isEqualTo("500C1");
      instance.verify(1, getRequestedFor(urlPathEqualTo(API + "/query")));
      instance.verify(postRequestedFor(urlPathEqualTo(API + "/sobjects/Case/"))
          .withHeader("Authorization", equalTo("Bearer 00Dtoken1"))
          .withRequestBody(equalToJson("""
              {"RecordTypeId": "012RT1", "Type": "Inbound Request", "Priority": "High",
               "Subject": "Seats for Tiny Tools",
               "Description": "Wants 20 seats. https://acme.zendesk.com/agent/tickets/4711",
               "Origin": "Support", "AccountId": "001A2", "ContactId": "003C1", "Opportunity__c": "006O9"}""")));
      instance.verify(postRequestedFor(urlPathEqualTo(API + "/sobjects/Case/"))
          .withRequestBody(equalToJson("""
              {"RecordTypeId": "012RT1", "Type": "Inbound Request", "Priority": "High",
               "Subject": "Second", "Description": "No account yet"}""")));
    }

    @Test
    @DisplayName("R12: without the SMB Sales Case record type the case is refused with a message naming it")
    void missingRecordType() {
      stubQuery("SELECT Id FROM RecordType WHERE SobjectType = 'Case' AND Name = 'SMB Sales Case' LIMIT 1", records());

      assertThatThrownBy(() -> salesforce.createCase(
          new NewCase(null, "S", "D", "Inbound Request", "High", null, null, null), "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("no Case record type named 'SMB Sales Case'");
    }

    @Test
    @DisplayName("R13, R25, R28: a Case update PATCHes Status, Next Steps and the closing fields by their API names")
    void updateCase() {
      instance.stubFor(patch(urlPathEqualTo(API + "/sobjects/Case/500C1")).willReturn(aResponse().withStatus(204)));

      salesforce.updateCase("500C1",
          new CaseUpdate("Closed: Resolved", "2026-03-02 AO sent the quote", "005S1", "Answered Question", "NA"));
      salesforce.updateCase("500C1", CaseUpdate.status("In Progress: Engaged", null));

      instance.verify(patchRequestedFor(urlPathEqualTo(API + "/sobjects/Case/500C1"))
          .withHeader("Authorization", equalTo("Bearer 00Dtoken1"))
          .withRequestBody(equalToJson("""
              {"Status": "Closed: Resolved", "Next_Steps__c": "2026-03-02 AO sent the quote", "OwnerId": "005S1",
               "Resolution_Action__c": "Answered Question", "Feedback__c": "NA"}""")));
      instance.verify(patchRequestedFor(urlPathEqualTo(API + "/sobjects/Case/500C1"))
          .withRequestBody(equalToJson("{\"Status\": \"In Progress: Engaged\"}")));
    }
  }

  @Nested
  @DisplayName("R39: answers on our Chatter posts")
  class Answers {

    private static final String POST = "0D5FE1";

    @Test
    @DisplayName("R39: the comments of our post over three pages, the page links followed, all of them oldest first")
    void r39_commentsOverThreePages() {
      SalesforceApiStub.stubCommentsPage(instance, POST, "2026-03-02T10:20:00Z,0D7C3", SalesforceApiStub.commentPage(POST,
          List.of(SalesforceApiStub.comment(POST, "0D7C3", "005U2", "Mia Manager", "On it.", "2026-03-02T10:20:00.000Z"),
              SalesforceApiStub.comment(POST, "0D7C4", "005API", "Sales Handoff Integration", "Reminder", "2026-03-03T09:00:00.000Z")),
          "2026-03-03T09:00:00Z,0D7C4"));
      SalesforceApiStub.stubCommentsPage(instance, POST, "2026-03-03T09:00:00Z,0D7C4", SalesforceApiStub.commentPage(POST,
          List.of(SalesforceApiStub.comment(POST, "0D7C5", "005U1", "Jane Owner", "Called them, quote sent.",
              "2026-03-03T11:45:10.000Z")), null));
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath(POST))).withQueryParam("page", absent())
          .willReturn(okJson(SalesforceApiStub.commentPage(POST,
              List.of(SalesforceApiStub.comment(POST, "0D7C1", "005U1", "Jane Owner", "Who is the contact?",
                      "2026-03-02T09:30:00.000Z"),
                  SalesforceApiStub.comment(POST, "0D7C2", "005API", "Sales Handoff Integration", "Alex, see the ticket",
                      "2026-03-02T09:31:00.000Z")),
              "2026-03-02T10:20:00Z,0D7C3"))));

      List<ChatterComment> comments = salesforce.findComments(POST);

      assertThat(comments).extracting(ChatterComment::id).containsExactly("0D7C1", "0D7C2", "0D7C3", "0D7C4", "0D7C5");
      assertThat(comments.get(4)).isEqualTo(new ChatterComment("0D7C5", "005U1", "Jane Owner",
          "Called them, quote sent.", Instant.parse("2026-03-03T11:45:10Z")));
      // The first page asks for the most per page, oldest first; the next ones are the links as given.
      instance.verify(getRequestedFor(urlPathEqualTo(SalesforceApiStub.commentsPath(POST)))
          .withQueryParam("pageSize", equalTo("100")).withQueryParam("sort", equalTo("CreatedDateOldestAsc"))
          .withQueryParam("page", absent())
          .withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
      assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(SalesforceApiStub.commentsPath(POST)))))
          .extracting(request -> request.getUrl())
          .contains(SalesforceApiStub.commentsPath(POST)
              + "?page=2026-03-02T10%3A20%3A00Z%2C0D7C3&pageSize=100&sort=CreatedDateOldestAsc")
          .hasSize(3);
    }

    @Test
    @DisplayName("R39: a Salesforce that hands out the newest page first still gives the comments oldest first")
    void r39_newestPageFirst() {
      // CreatedDateLatestAsc, the default: the latest comments first, nextPageUrl leading to older ones.
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath(POST))).withQueryParam("page", absent())
          .willReturn(okJson(SalesforceApiStub.commentPage(POST,
              List.of(SalesforceApiStub.comment(POST, "0D7C2", "005U1", "Jane Owner", "later", "2026-03-02T12:00:00.000Z")),
              "older"))));
      SalesforceApiStub.stubCommentsPage(instance, POST, "older", SalesforceApiStub.commentPage(POST,
          List.of(SalesforceApiStub.comment(POST, "0D7C1", "005U1", "Jane Owner", "earlier", "2026-03-02T11:00:00.000Z")),
          null));

      assertThat(salesforce.findComments(POST)).extracting(ChatterComment::text).containsExactly("earlier", "later");
    }

    @Test
    @DisplayName("R39: a comment with @mentions has the text people read; no comments is an empty list")
    void r39_commentTextAndNoComments() {
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath(POST))).withQueryParam("page", absent())
          .willReturn(okJson("""
              {"currentPageToken": null, "currentPageUrl": null, "nextPageToken": null, "nextPageUrl": null, "total": 1,
               "items": [{"id": "0D7C9", "createdDate": "2026-03-02T09:30:00.000Z",
                 "body": {"isRichText": false, "text": null, "messageSegments": [
                   {"type": "Mention", "text": "@Sales Handoff Integration", "name": "Sales Handoff Integration"},
                   {"type": "Text", "text": " Alex Owner is the contact."}]},
                 "user": {"id": "005U1", "name": "Jane Owner", "type": "User"}}]}""")));
      SalesforceApiStub.stubComments(instance, "0D5EMPTY");

      assertThat(salesforce.findComments(POST)).containsExactly(new ChatterComment("0D7C9", "005U1", "Jane Owner",
          "@Sales Handoff Integration Alex Owner is the contact.", Instant.parse("2026-03-02T09:30:00Z")));
      assertThat(salesforce.findComments("0D5EMPTY")).isEmpty();
    }

    @Test
    @DisplayName("R39: the integration user is asked once (users/me) for the connector's life")
    void r39_integrationUserCached() {
      SalesforceApiStub.stubIntegrationUser(instance, "005API");

      assertThat(salesforce.integrationUserId()).isEqualTo("005API");
      assertThat(salesforce.integrationUserId()).isEqualTo("005API");

      instance.verify(1, getRequestedFor(urlPathEqualTo(SalesforceApiStub.USERS_ME))
          .withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
    }

    @Test
    @DisplayName("R15, R39: a user's email by SOQL, the id escaped; no user or no email is empty")
    void r39_userEmail() {
      stubQuery("SELECT Email FROM User WHERE Id = '005U1' LIMIT 1",
          records("{\"attributes\":{\"type\":\"User\"},\"Email\":\"jane.owner@gitlab.example\"}"));
      stubQuery("SELECT Email FROM User WHERE Id = '005\\' OR Id != \\'' LIMIT 1", records());
      stubQuery("SELECT Email FROM User WHERE Id = '005U9' LIMIT 1", records("{\"Email\":null}"));

      assertThat(salesforce.findUserEmail("005U1")).contains("jane.owner@gitlab.example");
      assertThat(salesforce.findUserEmail("005' OR Id != '")).isEmpty();
      assertThat(salesforce.findUserEmail("005U9")).isEmpty();
    }

    @Test
    @DisplayName("R39: a 401 on the comments renews the token once and reads them with the new one")
    void r39_commentsRenewToken() {
      login.stubFor(post(TOKEN_PATH).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(tokenAnswer("00Dexpired")).willSetStateTo("renewed"));
      login.stubFor(post(TOKEN_PATH).inScenario("token").whenScenarioStateIs("renewed")
          .willReturn(tokenAnswer("00Dfresh")));
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath(POST)))
          .withHeader("Authorization", equalTo("Bearer 00Dexpired"))
          .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
              .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath(POST)))
          .withHeader("Authorization", equalTo("Bearer 00Dfresh"))
          .willReturn(okJson(SalesforceApiStub.commentPage(POST, List.of(SalesforceApiStub.comment(POST, "0D7C1",
              "005U1", "Jane Owner", "Done", "2026-03-02T09:30:00.000Z")), null))));

      assertThat(salesforce.findComments(POST)).extracting(ChatterComment::id).containsExactly("0D7C1");
      login.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    @DisplayName("R39: a post Salesforce does not know (404) is refused with Salesforce's message")
    void r39_unknownPost() {
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath("0D5GONE"))).willReturn(aResponse()
          .withStatus(404).withHeader("Content-Type", "application/json")
          .withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));

      assertThatThrownBy(() -> salesforce.findComments("0D5GONE"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessage("Salesforce: HTTP 404 Not Found on GET /services/data/v65.0/chatter/feed-elements/0D5GONE"
              + "/capabilities/comments/items: NOT_FOUND: The requested resource does not exist");
    }

    @Test
    @DisplayName("R39: a malformed feed element id (400) is refused with Salesforce's message")
    void r39_badRequest() {
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath("bad-id"))).willReturn(aResponse()
          .withStatus(400).withHeader("Content-Type", "application/json")
          .withBody("[{\"errorCode\":\"INVALID_ID_FIELD\",\"message\":\"Invalid identifier: bad-id\"}]")));

      assertThatThrownBy(() -> salesforce.findComments("bad-id"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageEndingWith("/comments/items: INVALID_ID_FIELD: Invalid identifier: bad-id");
    }

    @Test
    @DisplayName("R39: Salesforce down for maintenance (503) while reading the answers is retryable")
    void r39_unavailable() {
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.USERS_ME)).willReturn(aResponse().withStatus(503)
          .withHeader("Content-Type", "text/html").withBody("<html>Maintenance</html>")));

      assertThatThrownBy(() -> salesforce.integrationUserId())
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessage("Salesforce: HTTP 503 Service Unavailable on GET /services/data/v65.0/chatter/users/me");
    }

    @Test
    @DisplayName("R39: a next page that points off the API, or back to itself, is refused rather than followed")
    void r39_suspiciousPageLinks() {
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath(POST))).withQueryParam("page", absent())
          .willReturn(okJson("""
              {"items": [], "nextPageUrl": "https://elsewhere.example/steal?page=2", "total": 0}""")));
      instance.stubFor(get(urlPathEqualTo(SalesforceApiStub.commentsPath("0D5LOOP"))).willReturn(okJson("""
          {"items": [], "total": 0,
           "nextPageUrl": "/services/data/v65.0/chatter/feed-elements/0D5LOOP/capabilities/comments/items?page=x"}""")));

      assertThatThrownBy(() -> salesforce.findComments(POST))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("nextPageUrl is not an API resource");
      assertThatThrownBy(() -> salesforce.findComments("0D5LOOP"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("page in a circle");
    }
  }

  @Nested
  @DisplayName("Failures")
  class Failures {

    @Test
    @DisplayName("HTTP 429 is retryable and the message says when Salesforce wants us back")
    void rateLimited() {
      instance.stubFor(post(API + "/chatter/feed-elements").willReturn(aResponse().withStatus(429)
          .withHeader("Retry-After", "30")));

      assertThatThrownBy(() -> salesforce.postChatter(new ChatterMessage("001A1", "hi", List.of("005U1")), "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessage("Salesforce: HTTP 429 Too Many Requests on POST /services/data/v65.0/chatter/feed-elements"
              + " (Retry-After: 30 s)");
    }

    @Test
    @DisplayName("a 5xx is retryable")
    void serverError() {
      instance.stubFor(post(API + "/chatter/feed-elements").willReturn(aResponse().withStatus(503)
          .withHeader("Content-Type", "text/html").withBody("<html>Maintenance</html>")));

      assertThatThrownBy(() -> salesforce.postChatter(new ChatterMessage("001A1", "hi", List.of("005U1")), "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessage("Salesforce: HTTP 503 Service Unavailable on POST /services/data/v65.0/chatter/feed-elements");
    }

    @Test
    @DisplayName("the org's API limit (403 REQUEST_LIMIT_EXCEEDED) is retryable; another 403 is not")
    void requestLimit() {
      stubQueryAnswer("SELECT Id, Name, ManagerId FROM User WHERE Id = '005U1' LIMIT 1", 403,
          "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
      stubQueryAnswer("SELECT Id, Name, ManagerId FROM User WHERE Id = '005U2' LIMIT 1", 403,
          "[{\"message\":\"insufficient access rights on object id\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]");

      assertThatThrownBy(() -> salesforce.findUser("005U1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
      assertThatThrownBy(() -> salesforce.findUser("005U2"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("INSUFFICIENT_ACCESS");
    }

    @Test
    @DisplayName("a 400 validation error is refused with Salesforce's own message and fields")
    void validationError() {
      stubQuery("SELECT Id FROM RecordType WHERE SobjectType = 'Case' AND Name = 'SMB Sales Case' LIMIT 1",
          records("{\"Id\":\"012RT1\"}"));
      instance.stubFor(post(API + "/sobjects/Case/").willReturn(aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withBody("[{\"message\":\"Priority: bad value for restricted picklist field: Highest\","
              + "\"errorCode\":\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST\",\"fields\":[\"Priority\"]}]")));

      assertThatThrownBy(() -> salesforce.createCase(
          new NewCase(null, "S", "D", "Inbound Request", "Highest", null, null, null), "effect-1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessage("Salesforce: HTTP 400 Bad Request on POST /services/data/v65.0/sobjects/Case/: "
              + "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Priority: bad value for restricted picklist field: Highest"
              + " (fields: Priority)");
    }

    @Test
    @DisplayName("no answer within the read timeout is retryable")
    void readTimeout() {
      salesforce = new RestSalesforceConnector(properties(login.baseUrl(), Duration.ofMillis(300)), clock);
      instance.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson(records()).withFixedDelay(2000)));

      assertThatThrownBy(() -> salesforce.findUser("005U1"))
          .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessage("Salesforce: no answer (read timed out)");
    }
  }

  @Test
  @DisplayName("start-up fails when client id or secret is missing, naming the property")
  void requiresCredentials() {
    SalesforceProperties p = properties(login.baseUrl(), Duration.ofSeconds(15));
    SalesforceProperties noSecret = new SalesforceProperties(p.baseUrl(), p.clientId(), " ", p.apiVersion(), null,
        p.fields(), p.territoryOwners(), p.smbAsm(), p.caseFields(), p.caseRecordType(), p.renewalOpportunityType(),
        p.leadConvertedStatus(), p.tokenLifetime(), p.connectTimeout(), p.readTimeout());

    assertThatThrownBy(() -> new RestSalesforceConnector(noSecret))
        .hasMessage("handoff.salesforce.client-secret must be set when handoff.salesforce.base-url is");
    assertThat(p.toString()).doesNotContain("s3cr3t");
  }

  @Test
  @DisplayName("Website values match the domain and its subdomains only")
  void websiteMatching() {
    assertThat(RestSalesforceConnector.websiteIsOn("acme.com", "acme.com")).isTrue();
    assertThat(RestSalesforceConnector.websiteIsOn("HTTPS://WWW.Acme.com:443/en?x#y", "acme.com")).isTrue();
    assertThat(RestSalesforceConnector.websiteIsOn("http://eu.acme.com.", "acme.com")).isTrue();
    assertThat(RestSalesforceConnector.websiteIsOn("www.notacme.com", "acme.com")).isFalse();
    assertThat(RestSalesforceConnector.websiteIsOn("acme.com.evil.io", "acme.com")).isFalse();
  }

  // ---- fixtures ---------------------------------------------------------------------------------

  static SalesforceProperties properties(String baseUrl, Duration readTimeout) {
    return properties(baseUrl, readTimeout, Map.of());
  }

  /** @param smbAsm {@code handoff.salesforce.smb-asm.*} as Spring binds it */
  static SalesforceProperties properties(String baseUrl, Duration readTimeout, Map<String, String> smbAsm) {
    return new SalesforceProperties(baseUrl, "handoff-app", "s3cr3t&=+", "v65.0", "0F9G1",
        new SalesforceProperties.Fields("Sales_Segment__c", "CARR__c", "Technical_Account_Manager__c"),
        List.of(new SalesforceProperties.TerritoryOwner("LARGE", "AMER", "005U4")), smbAsm,
        new SalesforceProperties.CaseFields("Opportunity__c", "Next_Steps__c", "Resolution_Action__c", "Feedback__c"),
        "SMB Sales Case", "Renewal", null, Duration.ofMinutes(15), Duration.ofSeconds(2), readTimeout);
  }

  private void stubToken(String accessToken) {
    login.stubFor(post(TOKEN_PATH).willReturn(tokenAnswer(accessToken)));
  }

  private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenAnswer(String accessToken) {
    return okJson("""
        {"access_token": "%s", "instance_url": "%s", "id": "%s/id/00D/005API", "token_type": "Bearer",
         "issued_at": "%d", "signature": "c2lnbmF0dXJl"}"""
        .formatted(accessToken, instance.baseUrl(), login.baseUrl(), clock.instant().toEpochMilli()));
  }

  private void stubQuery(String soql, String answer) {
    instance.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("q", equalTo(soql)).willReturn(okJson(answer)));
  }

  private void stubQueryAnswer(String soql, int status, String body) {
    instance.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("q", equalTo(soql))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static String records(String... records) {
    return "{\"totalSize\": " + records.length + ", \"done\": true, \"records\": [" + String.join(",", records) + "]}";
  }

  /** A clock the test moves forward, for the token's lifetime. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
