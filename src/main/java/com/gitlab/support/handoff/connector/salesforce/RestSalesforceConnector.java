package com.gitlab.support.handoff.connector.salesforce;

import static com.gitlab.support.handoff.connector.ExternalSystem.SALESFORCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.RemoteCalls;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Salesforce over its REST API: OAuth 2.0 client credentials, SOQL look-ups, Chatter, Cases and
 * Opportunities; lead conversion over the SOAP API with the same token.
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>Account by email domain: Salesforce has no domain field, so the query narrows on
 *       {@code Website LIKE '%domain%'} and the host of each Website must then be the domain or a
 *       subdomain of it ({@code www.acme.com} matches {@code acme.com}; {@code notacme.com} does not).
 *       Several matches: the oldest account (first created) wins.</li>
 *   <li>Recent activity (R11): a Task or an Event on the account <em>created</em> since the given
 *       instant, i.e. logged or planned after the handoff; {@code ActivityDate} is only a day, and for
 *       open tasks a due date, so it cannot tell outreach after the handoff from older plans.</li>
 *   <li>Chatter link: the {@code url} Chatter returns is its REST resource, so the link people open
 *       is {@code {instance_url}/{feed element id}}.</li>
 *   <li>Answers (R39): the comments capability of our feed element, every page, oldest first; who we
 *       are is {@code /chatter/users/me}, asked once, so that our own comments are told apart.</li>
 *   <li>SMB territory ASM (R13, R22): from configuration, {@code handoff.salesforce.smb-asm.AMER} and
 *       {@code .EMEA_APJ} (user ids), the name from Salesforce. Salesforce has no standard field for a
 *       territory's manager, and role names and hierarchies differ from org to org (a role may hold
 *       several users), so reading the role hierarchy would guess.</li>
 *   <li>Lead conversion (R37): REST has no resource for it in any version (there is no standard
 *       {@code convertLead} invocable action under {@code /actions/standard}), so it is the SOAP API's
 *       documented {@code convertLead()} call on the Partner endpoint
 *       {@code /services/Soap/u/{version}}, with the OAuth token as the session id. No Opportunity is
 *       created: the case links its own. Before converting, the Lead is read
 *       ({@code IsConverted}, {@code ConvertedContactId}): a Lead already converted, by a person or
 *       by an attempt whose answer was lost, gives its Contact without a second conversion.</li>
 *   <li>Opportunity (R38): a PATCH of {@code CloseDate} and {@code StageName}; the same values twice
 *       do no harm.</li>
 * </ul>
 */
public class RestSalesforceConnector implements SalesforceConnector {

  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  /** Renew a token this long before its assumed end, so a call does not start on a dying token. */
  private static final Duration RENEWAL_MARGIN = Duration.ofMinutes(1);
  /** The most comments the Connect REST API returns on one page. */
  private static final int COMMENTS_PER_PAGE = 100;
  /** A post with more comments than this many pages is no conversation to read for an answer. */
  private static final int MAX_COMMENT_PAGES = 50;
  private static final DateTimeFormatter SALESFORCE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");
  private final SalesforceProperties properties;
  private final Clock clock;
  private final RestClient http;
  private final SoapLeadConversion soap;
  private AccessToken token;
  private volatile String caseRecordTypeId;
  private volatile String integrationUserId;
  private volatile String leadConvertedStatus;

  public RestSalesforceConnector(SalesforceProperties properties) {
    this(properties, Clock.systemUTC());
  }

  public RestSalesforceConnector(SalesforceProperties properties, Clock clock) {
    this(properties, RestClient.builder(), clock);
  }

  /** @param http Spring Boot's RestClient builder in the application, so every call is timed per system */
  public RestSalesforceConnector(SalesforceProperties properties, RestClient.Builder http, Clock clock) {
    requireSetting(properties.clientId(), "handoff.salesforce.client-id");
    requireSetting(properties.clientSecret(), "handoff.salesforce.client-secret");
    for (String field : List.of(properties.fields().salesSegment(), properties.fields().carr(),
        properties.fields().technicalAccountManager(), properties.caseFields().opportunity(),
        properties.caseFields().nextSteps(), properties.caseFields().resolutionAction(),
        properties.caseFields().feedback())) {
      if (!API_NAME.matcher(field).matches()) {
        throw new IllegalStateException("handoff.salesforce: '" + field + "' is not a Salesforce field API name");
      }
    }
    this.properties = properties;
    this.clock = clock;
    this.http = RemoteCalls.restClient(http, SALESFORCE, properties.connectTimeout(), properties.readTimeout()).build();
    this.soap = new SoapLeadConversion(this.http);
  }

  // ---- look-ups ---------------------------------------------------------------------------------

  @Override
  public Optional<Account> findAccountByEmailDomain(String emailDomain) {
    String domain = emailDomain.trim().toLowerCase(Locale.ROOT);
    SalesforceProperties.Fields custom = properties.fields();
    List<JsonNode> candidates = query("SELECT Id, Name, OwnerId, Owner.Name, NumberOfEmployees, BillingCountry, Website, "
        + custom.salesSegment() + ", " + custom.carr() + ", " + custom.technicalAccountManager()
        + " FROM Account WHERE Website LIKE " + Soql.likeContaining(domain)
        + " ORDER BY CreatedDate ASC LIMIT 200");
    return candidates.stream()
        .filter(account -> websiteIsOn(account.path("Website").asText(""), domain))
        .findFirst()
        .map(account -> {
          String tamId = text(account, custom.technicalAccountManager());
          Optional<JsonNode> tam = tamId == null ? Optional.empty()
              : query("SELECT Id, Name, Email FROM User WHERE Id = " + Soql.literal(tamId) + " LIMIT 1").stream().findFirst();
          JsonNode carr = account.path(custom.carr());
          JsonNode employees = account.path("NumberOfEmployees");
          return new Account(
              text(account, "Id"),
              text(account, "Name"),
              text(account, "OwnerId"),
              text(account.path("Owner"), "Name"),
              employees.isNumber() ? employees.intValue() : null,
              text(account, "BillingCountry"),
              carr.isNumber() ? carr.decimalValue() : carr.isTextual() ? new BigDecimal(carr.asText()) : null,
              text(account, custom.salesSegment()),
              tamId,
              tam.map(user -> text(user, "Name")).orElse(null),
              tam.map(user -> text(user, "Email")).orElse(null));
        });
  }

  @Override
  public Optional<SalesforceUser> findUser(String userId) {
    String region = properties.fields().userRegionField().map(field -> ", " + field).orElse("");
    return query("SELECT Id, Name, ManagerId" + region + " FROM User WHERE Id = " + Soql.literal(userId) + " LIMIT 1")
        .stream()
        .findFirst()
        .map(this::userOf);
  }

  @Override
  public Optional<SalesforceUser> findRenewalOpportunityOwner(String accountId) {
    return query("SELECT Id, " + ownerFields() + " FROM Opportunity"
        + " WHERE AccountId = " + Soql.literal(accountId)
        + " AND Type = " + Soql.literal(properties.renewalOpportunityType())
        + " AND IsClosed = false AND CloseDate >= TODAY ORDER BY CloseDate ASC LIMIT 1").stream()
        .findFirst()
        .map(this::ownerOf);
  }

  @Override
  public Optional<SalesforceUser> findLatestOpportunityOwner(String accountId) {
    return query("SELECT Id, " + ownerFields() + " FROM Opportunity"
        + " WHERE AccountId = " + Soql.literal(accountId) + " ORDER BY CreatedDate DESC LIMIT 1").stream()
        .findFirst()
        .map(this::ownerOf);
  }

  /** The opportunity owner's fields, the region among them when the org keeps one. */
  private String ownerFields() {
    return "Owner.Id, Owner.Name, Owner.ManagerId"
        + properties.fields().userRegionField().map(field -> ", Owner." + field).orElse("");
  }

  private SalesforceUser ownerOf(JsonNode opportunity) {
    return userOf(opportunity.path("Owner"));
  }

  private SalesforceUser userOf(JsonNode user) {
    String region = properties.fields().userRegionField().map(field -> text(user, field)).orElse(null);
    return new SalesforceUser(text(user, "Id"), text(user, "Name"), text(user, "ManagerId"), region);
  }

  @Override
  public boolean hasRecentActivity(String accountId, Instant since) {
    String where = " WHERE AccountId = " + Soql.literal(accountId) + " AND CreatedDate >= " + Soql.dateTime(since) + " LIMIT 1";
    return !query("SELECT Id FROM Task" + where).isEmpty() || !query("SELECT Id FROM Event" + where).isEmpty();
  }

  @Override
  public Optional<SalesforceUser> findTerritoryOwner(String salesSegment, String region) {
    return properties.territoryOwners().stream()
        .filter(t -> salesSegment.equalsIgnoreCase(t.segment()) && region.equalsIgnoreCase(t.region()))
        .findFirst()
        .map(t -> findUser(t.ownerId()).orElse(new SalesforceUser(t.ownerId(), null, null)));
  }

  /** The configured ASM ({@code handoff.salesforce.smb-asm.*}), named as Salesforce names the user. */
  @Override
  public Optional<SalesforceUser> findSmbTerritoryAsm(String smbTerritory) {
    return properties.smbAsmId(smbTerritory)
        .map(asmId -> findUser(asmId).orElse(new SalesforceUser(asmId, null, null)));
  }

  // ---- answers on our posts (R39) ---------------------------------------------------------------

  /**
   * Every comment of the feed element, oldest first. The comments capability pages at most
   * {@value #COMMENTS_PER_PAGE} at a time and says where the next page is ({@code nextPageUrl}, null on
   * the last); the pages are asked oldest first, and sorted again, since an older API version or a
   * {@code sort} Salesforce ignores would hand out the newest page first.
   */
  @Override
  public List<ChatterComment> findComments(String feedElementId) {
    List<ChatterComment> comments = new ArrayList<>();
    Set<String> pagesSeen = new HashSet<>();
    Function<UriComponentsBuilder, URI> page = api -> api
        .path("/chatter/feed-elements/{id}/capabilities/comments/items")
        .queryParam("pageSize", COMMENTS_PER_PAGE).queryParam("sort", "CreatedDateOldestAsc")
        .encode().buildAndExpand(feedElementId).toUri();
    for (int pages = 0; pages < MAX_COMMENT_PAGES; pages++) {
      JsonNode answer = send(HttpMethod.GET, page, null).body();
      if (answer == null || !answer.path("items").isArray()) {
        throw ConnectorException.rejected(SALESFORCE, "the comments of feed element " + feedElementId
            + " came without items");
      }
      answer.path("items").forEach(item -> comments.add(comment(item)));
      String next = text(answer, "nextPageUrl");
      if (next == null) {
        comments.sort(Comparator.comparing(ChatterComment::createdAt));
        return comments;
      }
      if (!pagesSeen.add(next)) {
        throw ConnectorException.rejected(SALESFORCE, "the comments of feed element " + feedElementId
            + " page in a circle (nextPageUrl " + next + " again)");
      }
      page = nextPage(next);
    }
    throw ConnectorException.rejected(SALESFORCE, "more than " + MAX_COMMENT_PAGES * COMMENTS_PER_PAGE
        + " comments on feed element " + feedElementId + ": too many to read for an answer");
  }

  /**
   * The page {@code nextPageUrl} names, always on the instance the token is for: only its path and
   * query are taken, so the token never goes to another host.
   */
  private static Function<UriComponentsBuilder, URI> nextPage(String nextPageUrl) {
    URI next;
    try {
      next = new URI(nextPageUrl);
    } catch (URISyntaxException e) {
      throw ConnectorException.rejected(SALESFORCE, "unreadable nextPageUrl in a comment page: " + nextPageUrl);
    }
    if (next.getRawPath() == null || !next.getRawPath().startsWith("/services/data/")) {
      throw ConnectorException.rejected(SALESFORCE, "a comment page's nextPageUrl is not an API resource: " + nextPageUrl);
    }
    String pathAndQuery = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    return api -> api.replacePath(null).replaceQuery(null).build().toUri().resolve(pathAndQuery);
  }

  /** A Comment of the Connect REST API: its body's plain text, or its segments' texts where there is none. */
  private static ChatterComment comment(JsonNode item) {
    JsonNode body = item.path("body");
    String text = text(body, "text");
    if (text == null) {
      StringBuilder segments = new StringBuilder();
      body.path("messageSegments").forEach(segment -> segments.append(segment.path("text").asText("")));
      text = segments.toString();
    }
    JsonNode user = item.path("user");
    String name = Optional.ofNullable(text(user, "displayName")).orElse(text(user, "name"));
    return new ChatterComment(text(item, "id"), text(user, "id"), name, text, createdAt(item));
  }

  private static Instant createdAt(JsonNode item) {
    String created = text(item, "createdDate");
    try {
      return Instant.parse(created);
    } catch (RuntimeException notIso) {
      try { // the REST API's own form, 2026-03-02T10:15:00.000+0000
        return OffsetDateTime.parse(created, SALESFORCE_DATE_TIME).toInstant();
      } catch (RuntimeException unreadable) {
        throw ConnectorException.rejected(SALESFORCE, "comment " + text(item, "id")
            + " has an unreadable createdDate: " + created);
      }
    }
  }

  /** The user the connected app runs as, asked once ({@code /chatter/users/me}): it cannot change while we run. */
  @Override
  public String integrationUserId() {
    String id = integrationUserId;
    if (id == null) {
      id = text(send(HttpMethod.GET, api -> api.path("/chatter/users/me").build().toUri(), null).body(), "id");
      if (id == null) {
        throw ConnectorException.rejected(SALESFORCE, "/chatter/users/me answered without the user's id");
      }
      integrationUserId = id;
    }
    return id;
  }

  @Override
  public Optional<String> findUserEmail(String userId) {
    return query("SELECT Email FROM User WHERE Id = " + Soql.literal(userId) + " LIMIT 1").stream()
        .findFirst()
        .map(user -> text(user, "Email"))
        .filter(email -> !email.isBlank());
  }

  // ---- side effects -----------------------------------------------------------------------------

  @Override
  public ChatterPost postChatter(ChatterMessage message, String effectKey) {
    // Mentions first, then the text; Chatter glues segments together, so the Text segments carry the spaces.
    List<Map<String, Object>> segments = new ArrayList<>();
    for (String mentionId : message.mentionIds()) {
      if (!segments.isEmpty()) {
        segments.add(Map.of("type", "Text", "text", " "));
      }
      segments.add(Map.of("type", "Mention", "id", mentionId));
    }
    segments.add(Map.of("type", "Text", "text", segments.isEmpty() ? message.text() : " " + message.text()));
    Map<String, Object> body = Map.of(
        "feedElementType", "FeedItem",
        "subjectId", message.subjectId(),
        "body", Map.of("messageSegments", segments));
    Answer answer = send(HttpMethod.POST, api -> api.path("/chatter/feed-elements").build().toUri(), body);
    String id = text(answer.body(), "id");
    if (id == null) {
      // Posted, but we cannot say which post it is: a person looks before anything is posted again.
      throw new ConnectorException(SALESFORCE, false, false, "Chatter answered without a feed element id", null);
    }
    return new ChatterPost(id, answer.instanceUrl() + "/" + id);
  }

  @Override
  public String createCase(NewCase newCase, String effectKey) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("RecordTypeId", caseRecordTypeId());
    fields.put("Type", newCase.type());
    fields.put("Priority", newCase.priority());
    fields.put("Subject", newCase.subject());
    fields.put("Description", newCase.description());
    fields.put("Origin", newCase.origin());
    fields.put("AccountId", newCase.accountId());
    fields.put("ContactId", newCase.contactId());
    fields.put(properties.caseFields().opportunity(), newCase.opportunityId());
    fields.values().removeIf(value -> value == null);
    JsonNode created = send(HttpMethod.POST, api -> api.path("/sobjects/Case/").build().toUri(), fields).body();
    String id = text(created, "id");
    if (id == null || !created.path("success").asBoolean(true)) {
      throw ConnectorException.rejected(SALESFORCE, "the Case was not created: "
          + (created == null ? "empty answer" : created.path("errors")));
    }
    return id;
  }

  /**
   * Chatter keeps no key of ours: a post on the subject's feed since {@code since} whose text contains
   * the message's text is taken for it. {@code Body} may be rich text, so its tags are dropped first.
   */
  @Override
  public Optional<ChatterPost> findChatterPost(ChatterMessage message, String effectKey, Instant since) {
    String wanted = RemoteCalls.oneLine(message.text());
    Answer answer = queryAnswer("SELECT Id, Body FROM FeedItem WHERE ParentId = " + Soql.literal(message.subjectId())
        + " AND CreatedDate >= " + Soql.dateTime(since.minus(RemoteCalls.CLOCK_SKEW)) + " ORDER BY CreatedDate DESC LIMIT 200");
    return records(answer).stream()
        .filter(item -> text(item, "Body") != null && plainText(text(item, "Body")).contains(wanted))
        .map(item -> new ChatterPost(text(item, "Id"), answer.instanceUrl() + "/" + text(item, "Id")))
        .findFirst();
  }

  /** A case with the same subject (and account) created since {@code since} is taken for it. */
  @Override
  public Optional<String> findCase(NewCase newCase, String effectKey, Instant since) {
    String soql = "SELECT Id FROM Case WHERE Subject = " + Soql.literal(newCase.subject())
        + (newCase.accountId() == null ? " AND AccountId = null" : " AND AccountId = " + Soql.literal(newCase.accountId()))
        + " AND CreatedDate >= " + Soql.dateTime(since.minus(RemoteCalls.CLOCK_SKEW)) + " ORDER BY CreatedDate LIMIT 1";
    return query(soql).stream().map(found -> text(found, "Id")).findFirst();
  }

  /** The token request, the call, and on a 401 a new token and the call again. */
  @Override
  public Duration longestCall() {
    return properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(4);
  }

  @Override
  public void updateCase(String caseId, CaseUpdate update) {
    SalesforceProperties.CaseFields custom = properties.caseFields();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Status", update.status());
    fields.put(custom.nextSteps(), update.nextSteps());
    fields.put("OwnerId", update.ownerId());
    fields.put(custom.resolutionAction(), update.resolutionAction());
    fields.put(custom.feedback(), update.feedback());
    fields.values().removeIf(value -> value == null);
    if (fields.isEmpty()) {
      return;
    }
    send(HttpMethod.PATCH,
        api -> api.path("/sobjects/Case/{id}").encode().buildAndExpand(caseId).toUri(), fields);
  }

  /** R38: Close Date and Stage of the Opportunity; the same values again change nothing. */
  @Override
  public void updateOpportunity(String opportunityId, OpportunityUpdate update) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("CloseDate", update.closeDate() == null ? null : update.closeDate().toString());
    fields.put("StageName", update.stageName());
    fields.values().removeIf(value -> value == null);
    if (fields.isEmpty()) {
      return;
    }
    send(HttpMethod.PATCH,
        api -> api.path("/sobjects/Opportunity/{id}").encode().buildAndExpand(opportunityId).toUri(), fields);
  }

  /**
   * R37: a Lead already converted gives its Contact; otherwise SOAP {@code convertLead()} converts it
   * under {@code accountId} (null: Salesforce creates an Account from the Lead's Company), without
   * an Opportunity.
   */
  @Override
  public String convertLead(String leadId, String accountId, String effectKey) {
    Lead lead = lead(leadId).orElseThrow(() -> ConnectorException.rejected(SALESFORCE, "there is no Lead " + leadId));
    if (lead.converted()) {
      return lead.contactId();
    }
    String convertedStatus = leadConvertedStatus();
    return withToken(token -> soap.convertLead(token.value(), soapEndpoint(token), leadId, accountId, convertedStatus));
  }

  /** The Contact of a Lead that Salesforce shows converted ({@code IsConverted}, {@code ConvertedContactId}). */
  @Override
  public Optional<String> findConvertedContact(String leadId, String effectKey) {
    return lead(leadId).filter(Lead::converted).map(Lead::contactId);
  }

  private Optional<Lead> lead(String leadId) {
    return query("SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE Id = " + Soql.literal(leadId) + " LIMIT 1")
        .stream().findFirst()
        .map(lead -> {
          boolean converted = lead.path("IsConverted").asBoolean(false);
          String contactId = text(lead, "ConvertedContactId");
          if (converted && contactId == null) { // converted to a person account, or the field is hidden from us
            throw ConnectorException.rejected(SALESFORCE, "Lead " + leadId
                + " is converted but shows no ConvertedContactId (is the field visible to the integration user?)");
          }
          return new Lead(converted, contactId);
        });
  }

  private record Lead(boolean converted, String contactId) {}

  /** {@code handoff.salesforce.lead-converted-status}, else the org's first converted Lead Status, asked once. */
  private String leadConvertedStatus() {
    String status = leadConvertedStatus;
    if (status == null) {
      status = Optional.ofNullable(properties.leadConvertedStatus()).filter(s -> !s.isBlank())
          .orElseGet(() -> query("SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1")
              .stream().findFirst()
              .map(leadStatus -> text(leadStatus, "MasterLabel"))
              .orElseThrow(() -> ConnectorException.rejected(SALESFORCE,
                  "the org has no Lead Status marked Converted (set handoff.salesforce.lead-converted-status)")));
      leadConvertedStatus = status;
    }
    return status;
  }

  /** The Partner SOAP endpoint of the token's instance for the configured version ({@code v65.0} → {@code 65.0}). */
  private URI soapEndpoint(AccessToken token) {
    String version = properties.apiVersion().startsWith("v") ? properties.apiVersion().substring(1) : properties.apiVersion();
    return UriComponentsBuilder.fromUriString(token.instanceUrl()).path("/services/Soap/u/{version}")
        .encode().buildAndExpand(version).toUri();
  }

  // ---- HTTP and the access token ----------------------------------------------------------------

  private String caseRecordTypeId() {
    String id = caseRecordTypeId;
    if (id == null) {
      id = query("SELECT Id FROM RecordType WHERE SobjectType = 'Case' AND Name = "
          + Soql.literal(properties.caseRecordType()) + " LIMIT 1").stream()
          .findFirst()
          .map(recordType -> text(recordType, "Id"))
          .orElseThrow(() -> ConnectorException.rejected(SALESFORCE, "there is no Case record type named '"
              + properties.caseRecordType() + "' (handoff.salesforce.case-record-type)"));
      caseRecordTypeId = id;
    }
    return id;
  }

  private List<JsonNode> query(String soql) {
    return records(queryAnswer(soql));
  }

  private Answer queryAnswer(String soql) {
    return send(HttpMethod.GET,
        api -> api.path("/query").queryParam("q", "{soql}").encode().buildAndExpand(soql).toUri(), null);
  }

  private static List<JsonNode> records(Answer answer) {
    List<JsonNode> records = new ArrayList<>();
    if (answer.body() != null) {
      answer.body().path("records").forEach(records::add);
    }
    return records;
  }

  /** Text without markup, entities decoded, white space collapsed: how a post's Body compares. */
  static String plainText(String text) {
    return RemoteCalls.oneLine(text.replaceAll("<[^>]*>", " ")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&"));
  }

  /** One API call with a valid token; a 401 (token expired or revoked) renews the token once. */
  private Answer send(HttpMethod method, Function<UriComponentsBuilder, URI> uri, Object body) {
    return withToken(token -> sendWith(token, method, uri, body));
  }

  /** A call with a valid token; a refused token ({@link TokenRefused}) is renewed once and the call repeated. */
  private <T> T withToken(Function<AccessToken, T> call) {
    return RemoteCalls.call(SALESFORCE, () -> {
      AccessToken current = currentToken();
      try {
        return call.apply(current);
      } catch (TokenRefused refused) {
        try {
          return call.apply(renewToken(current));
        } catch (TokenRefused again) {
          throw ConnectorException.rejected(SALESFORCE, "HTTP 401 with a new access token: " + again.getMessage()
              + " (check the connected app's client-credentials flow and its run-as user)");
        }
      }
    });
  }

  private Answer sendWith(AccessToken token, HttpMethod method, Function<UriComponentsBuilder, URI> uri, Object body) {
    URI target = uri.apply(UriComponentsBuilder.fromUriString(token.instanceUrl())
        .path("/services/data/" + properties.apiVersion()));
    RestClient.RequestBodySpec request = http.method(method).uri(target)
        .accept(MediaType.APPLICATION_JSON)
        .headers(headers -> headers.setBearerAuth(token.value()));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    JsonNode answer = request.retrieve()
        .onStatus(status -> status.value() == HttpStatus.UNAUTHORIZED.value(), (req, response) -> {
          throw new TokenRefused(RemoteCalls.remoteMessage(response));
        })
        .body(JsonNode.class);
    return new Answer(answer, token.instanceUrl());
  }

  private synchronized AccessToken currentToken() {
    if (token == null || !clock.instant().isBefore(token.renewAt())) {
      token = requestToken();
    }
    return token;
  }

  /** Renews the token unless another thread already did since {@code refused} was handed out. */
  private synchronized AccessToken renewToken(AccessToken refused) {
    if (token == null || token == refused) {
      token = requestToken();
    }
    return token;
  }

  private AccessToken requestToken() {
    // Written as bytes so that no debug log of request bodies can ever show the client secret.
    byte[] form = ("grant_type=client_credentials"
        + "&client_id=" + URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    JsonNode answer = http.post()
        .uri(UriComponentsBuilder.fromUriString(properties.baseUrl()).path("/services/oauth2/token").build().toUri())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.APPLICATION_JSON)
        .body(out -> out.write(form))
        .retrieve()
        .body(JsonNode.class);
    String value = text(answer, "access_token");
    if (value == null) {
      throw ConnectorException.rejected(SALESFORCE, "the token endpoint answered without an access_token");
    }
    String instanceUrl = Optional.ofNullable(text(answer, "instance_url")).orElse(properties.baseUrl());
    Instant now = clock.instant();
    Instant issuedAt = answer.path("issued_at").canConvertToLong()
        ? Instant.ofEpochMilli(answer.path("issued_at").asLong()) : now;
    if (issuedAt.isAfter(now)) { // their clock ahead of ours: count from ours
      issuedAt = now;
    }
    Duration lifetime = answer.path("expires_in").canConvertToLong()
        ? Duration.ofSeconds(answer.path("expires_in").asLong()) : properties.tokenLifetime();
    return new AccessToken(value, stripTrailingSlash(instanceUrl), issuedAt.plus(lifetime).minus(RENEWAL_MARGIN));
  }

  private record AccessToken(String value, String instanceUrl, Instant renewAt) {
    @Override
    public String toString() {
      return "AccessToken[instanceUrl=" + instanceUrl + ", renewAt=" + renewAt + "]";
    }
  }

  private record Answer(JsonNode body, String instanceUrl) {}

  /** Salesforce answered 401 (SOAP: INVALID_SESSION_ID): the token is no longer good; never leaves this package. */
  static final class TokenRefused extends RuntimeException {
    TokenRefused(String remoteMessage) {
      super(remoteMessage.isEmpty() ? "the access token was refused" : remoteMessage, null, false, false);
    }
  }

  // ---- small helpers ----------------------------------------------------------------------------

  /** SOQL literals, escaped as the SOQL reference asks, so a domain or id cannot change the query. */
  static final class Soql {

    private Soql() {}

    static String literal(String value) {
      return "'" + escape(value) + "'";
    }

    /** A LIKE pattern matching values that contain {@code value}; its own % and _ match only themselves. */
    static String likeContaining(String value) {
      return "'%" + escape(value).replace("%", "\\%").replace("_", "\\_") + "%'";
    }

    static String dateTime(Instant instant) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String escape(String value) {
      StringBuilder escaped = new StringBuilder(value.length() + 8);
      for (char c : value.toCharArray()) {
        switch (c) {
          case '\\' -> escaped.append("\\\\");
          case '\'' -> escaped.append("\\'");
          case '"' -> escaped.append("\\\"");
          case '\n' -> escaped.append("\\n");
          case '\r' -> escaped.append("\\r");
          case '\t' -> escaped.append("\\t");
          case '\b' -> escaped.append("\\b");
          case '\f' -> escaped.append("\\f");
          default -> escaped.append(c);
        }
      }
      return escaped.toString();
    }
  }

  /** Whether a Website value ({@code acme.com}, {@code https://www.acme.com/en}) is on the domain. */
  static boolean websiteIsOn(String website, String domain) {
    String host = website.trim().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    for (char end : new char[] {'/', '?', '#', ':'}) {
      int at = host.indexOf(end);
      if (at >= 0) {
        host = host.substring(0, at);
      }
    }
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return host.equals(domain) || host.endsWith("." + domain);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.path(field);
    return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static void requireSetting(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " must be set when handoff.salesforce.base-url is");
    }
  }
}
