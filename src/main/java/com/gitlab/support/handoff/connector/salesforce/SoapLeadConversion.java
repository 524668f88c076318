package com.gitlab.support.handoff.connector.salesforce;

import static com.gitlab.support.handoff.connector.ExternalSystem.SALESFORCE;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.RemoteCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * R37: the SOAP API's {@code convertLead()} on the Partner endpoint, the one documented way to
 * convert a Lead from outside Salesforce; REST has no resource for it. One Lead per call, no
 * Opportunity. Failures become the same {@link ConnectorException}s as REST's:
 * <ul>
 *   <li>a result with {@code success false}: refused, with Salesforce's status code and message
 *       ({@code UNABLE_TO_LOCK_ROW}, another transaction holding the record, is retryable);</li>
 *   <li>a SOAP fault (HTTP 500 with {@code sf:CODE}): {@code INVALID_SESSION_ID} renews the token,
 *       {@code REQUEST_LIMIT_EXCEEDED}, {@code SERVER_UNAVAILABLE}, {@code API_CURRENTLY_DISABLED} and
 *       a plain {@code soapenv:Server} fault are retryable, every other code is refused;</li>
 *   <li>any other error answer (429, 503 maintenance page, …): as {@link RemoteCalls} decides.</li>
 * </ul>
 */
final class SoapLeadConversion {

  private static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
  private static final int MAX_BODY = 64 * 1024;
  /** Fault codes that go away by themselves. */
  private static final Set<String> RETRYABLE_FAULTS =
      Set.of("REQUEST_LIMIT_EXCEEDED", "SERVER_UNAVAILABLE", "API_CURRENTLY_DISABLED", "Server");
  /** Result status codes that go away by themselves. */
  private static final Set<String> RETRYABLE_RESULTS = Set.of("UNABLE_TO_LOCK_ROW");

  private final RestClient http;

  SoapLeadConversion(RestClient http) {
    this.http = http;
  }

  /** Converts the Lead and returns its new Contact's id. */
  String convertLead(String sessionId, URI endpoint, String leadId, String accountId, String convertedStatus) {
    // LeadConvert's elements in the WSDL's order: accountId, convertedStatus, doNotCreateOpportunity, leadId.
    String leadConvert = (accountId == null ? "" : element("accountId", accountId))
        + element("convertedStatus", convertedStatus)
        + element("doNotCreateOpportunity", "true")
        + element("leadId", leadId);
    byte[] envelope = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENVELOPE + "\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
        + "<soapenv:Header><urn:SessionHeader>" + element("sessionId", sessionId) + "</urn:SessionHeader></soapenv:Header>"
        + "<soapenv:Body><urn:convertLead><urn:leadConverts>" + leadConvert + "</urn:leadConverts></urn:convertLead>"
        + "</soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);
    // Written as bytes, like the token request, so that no debug log of request bodies shows the session id.
    byte[] answer = http.post().uri(endpoint)
        .contentType(TEXT_XML)
        .accept(MediaType.TEXT_XML)
        .header("SOAPAction", "\"\"")
        .body(out -> out.write(envelope))
        .retrieve()
        .onStatus(HttpStatusCode::isError, SoapLeadConversion::failure)
        .body(byte[].class);
    return contactOf(leadId, parse(answer == null ? new byte[0] : answer, "the convertLead answer"));
  }

  private static String contactOf(String leadId, Document answer) {
    Element result = first(answer.getDocumentElement(), "result")
        .orElseThrow(() -> unreadable("the convertLead answer has no result"));
    if (!"true".equals(childText(result, "success"))) {
      List<String> errors = new ArrayList<>();
      boolean retryable = false;
      for (Element error : children(result, "errors")) {
        String code = childText(error, "statusCode");
        retryable |= RETRYABLE_RESULTS.contains(code);
        List<String> fields = children(error, "fields").stream().map(Node::getTextContent).toList();
        errors.add(code + ": " + childText(error, "message") + (fields.isEmpty() ? "" : " (fields: " + String.join(", ", fields) + ")"));
      }
      throw new ConnectorException(SALESFORCE, retryable, RemoteCalls.oneLine("convertLead of Lead " + leadId
          + " refused: " + (errors.isEmpty() ? "no reason given" : String.join("; ", errors))));
    }
    String contactId = childText(result, "contactId");
    if (contactId == null || contactId.isBlank()) {
      throw unreadable("convertLead succeeded without a contactId");
    }
    return contactId;
  }

  /** An error answer: a SOAP fault by its code, anything else as {@link RemoteCalls} reads it. */
  private static void failure(HttpRequest request, ClientHttpResponse response) throws IOException {
    byte[] body;
    try (InputStream in = response.getBody()) {
      body = in.readNBytes(MAX_BODY);
    }
    Optional<Element> fault = faultOf(body);
    if (fault.isEmpty() && response.getStatusCode().value() == 401) {
      throw new RestSalesforceConnector.TokenRefused(RemoteCalls.remoteMessage(new Replayed(response, body)));
    }
    if (fault.isEmpty()) {
      throw RemoteCalls.failure(SALESFORCE, request, new Replayed(response, body));
    }
    String faultCode = Optional.ofNullable(childText(fault.get(), "faultcode")).orElse("").trim();
    String code = faultCode.substring(faultCode.indexOf(':') + 1);
    String faultString = Optional.ofNullable(childText(fault.get(), "faultstring")).orElse("");
    if ("INVALID_SESSION_ID".equals(code)) {
      throw new RestSalesforceConnector.TokenRefused(faultString);
    }
    throw new ConnectorException(SALESFORCE, RETRYABLE_FAULTS.contains(code), "HTTP " + response.getStatusCode().value()
        + " on POST " + request.getURI().getRawPath() + ": SOAP fault " + RemoteCalls.oneLine(faultCode + ": " + faultString));
  }

  private static Optional<Element> faultOf(byte[] body) {
    try {
      return first(parse(body, "a SOAP fault").getDocumentElement(), "Fault");
    } catch (ConnectorException notXml) {
      return Optional.empty();
    }
  }

  /** XML without DOCTYPEs or external entities: the answer cannot make us read files or URLs. */
  private static Document parse(byte[] xml, String what) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw unreadable(what + " is not XML (" + e.getMessage() + ")");
    }
  }

  /** Read, but not understood: the call may have done its work, so a person looks before a repeat. */
  private static ConnectorException unreadable(String message) {
    return new ConnectorException(SALESFORCE, false, false, "unreadable answer (" + message + ")", null);
  }

  private static Optional<Element> first(Element root, String localName) {
    NodeList found = root.getElementsByTagNameNS("*", localName);
    return found.getLength() == 0 ? Optional.empty() : Optional.of((Element) found.item(0));
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(localNameOf(element))) {
        children.add(element);
      }
    }
    return children;
  }

  private static String childText(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    if (found.isEmpty() || "true".equals(found.get(0).getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"))) {
      return null;
    }
    return found.get(0).getTextContent().trim();
  }

  private static String localNameOf(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }

  private static String element(String name, String value) {
    return "<urn:" + name + ">" + escape(value) + "</urn:" + name + ">";
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }

  /** The error answer again, its body already read, for {@link RemoteCalls#failure}. */
  private record Replayed(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {
    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return response.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return response.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return response.getHeaders();
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
