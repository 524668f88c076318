package com.gitlab.support.handoff.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP Salesforce for Spring tests: started before the application context (which reads its
 * URL), with the OAuth token endpoint answering, and the properties that make the real client active.
 */
public final class SalesforceApiStub {

  public static final String CHATTER = "/services/data/v65.0/chatter/feed-elements";
  public static final String USERS_ME = "/services/data/v65.0/chatter/users/me";

  private SalesforceApiStub() {}

  public static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  /** For a {@code @DynamicPropertySource} method: the app talks to this server with client credentials. */
  public static void register(DynamicPropertyRegistry registry, WireMockServer server) {
    registry.add("handoff.salesforce.base-url", server::baseUrl);
    registry.add("handoff.salesforce.client-id", () -> "handoff-app");
    registry.add("handoff.salesforce.client-secret", () -> "s3cr3t");
  }

  /** Clears earlier stubs and answers the token request. */
  public static void resetWithToken(WireMockServer server) {
    server.resetAll();
    server.stubFor(post("/services/oauth2/token").willReturn(okJson("""
        {"access_token": "00Dtoken", "instance_url": "%s", "token_type": "Bearer", "issued_at": "%d"}"""
        .formatted(server.baseUrl(), System.currentTimeMillis()))));
  }

  // ---- R39: answers on our posts, in the Connect REST API's shapes ------------------------------

  /** {@code /chatter/users/me}: the user the connected app posts as (a User Detail, trimmed). */
  public static void stubIntegrationUser(Stubbing server, String userId) {
    server.stubFor(get(urlPathEqualTo(USERS_ME)).willReturn(okJson("""
        {"id": "%s", "name": "Sales Handoff Integration", "displayName": "Sales Handoff Integration",
         "username": "handoff-integration@gitlab.example", "type": "User", "userType": "Internal",
         "url": "/services/data/v65.0/chatter/users/%s"}""".formatted(userId, userId))));
  }

  /** The feed element's comments on one page, the last: what the first request for them gets. */
  public static void stubComments(Stubbing server, String feedElementId, String... comments) {
    server.stubFor(get(urlPathEqualTo(commentsPath(feedElementId))).withQueryParam("page", absent())
        .willReturn(okJson(commentPage(feedElementId, List.of(comments), null))));
  }

  /** One further page of comments, the one {@code nextPageUrl} of the page before names by its token. */
  public static void stubCommentsPage(Stubbing server, String feedElementId, String pageToken, String page) {
    server.stubFor(get(urlPathEqualTo(commentsPath(feedElementId))).withQueryParam("page", equalTo(pageToken))
        .willReturn(okJson(page)));
  }

  public static String commentsPath(String feedElementId) {
    return CHATTER + "/" + feedElementId + "/capabilities/comments/items";
  }

  /** A Comment Page; {@code nextPageToken} null for the last page, else the (unencoded) token of the next. */
  public static String commentPage(String feedElementId, List<String> comments, String nextPageToken) {
    String nextUrl = nextPageToken == null ? "null" : "\"" + commentsPath(feedElementId) + "?page="
        + URLEncoder.encode(nextPageToken, StandardCharsets.UTF_8)
        + "&pageSize=100&sort=CreatedDateOldestAsc\"";
    return """
        {"currentPageToken": null, "currentPageUrl": "%s?pageSize=100&sort=CreatedDateOldestAsc",
         "items": [%s], "nextPageToken": %s, "nextPageUrl": %s, "total": %d}"""
        .formatted(commentsPath(feedElementId), String.join(",", comments),
            nextPageToken == null ? "null" : "\"" + nextPageToken + "\"", nextUrl, comments.size());
  }

  /** A Comment as the comments capability lists it: plain text in {@code body.text}, the author a User Summary. */
  public static String comment(String feedElementId, String id, String userId, String userName, String text,
      String createdDate) {
    return """
        {"body": {"isRichText": false, "messageSegments": [{"type": "Text", "text": "%4$s"}], "text": "%4$s"},
         "capabilities": {"content": null, "edit": {"isEditRestricted": false}},
         "clientInfo": null, "createdDate": "%5$s",
         "feedElement": {"id": "%1$s", "url": "/services/data/v65.0/chatter/feed-elements/%1$s"},
         "id": "%2$s", "isDeleteRestricted": false,
         "parent": {"id": "%1$s", "url": "/services/data/v65.0/chatter/feed-elements/%1$s"},
         "type": "TextComment", "url": "/services/data/v65.0/chatter/comments/%2$s",
         "user": {"id": "%3$s", "displayName": "%6$s", "name": "%6$s", "firstName": null, "lastName": null,
                  "type": "User", "url": "/services/data/v65.0/chatter/users/%3$s"}}"""
        .formatted(feedElementId, id, userId, text, createdDate, userName);
  }
}
