package com.gitlab.support.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/zendesk/events}: Zendesk's webhooks about tickets (R40, R15, R17). {@code 200} for an
 * event that changed a handoff, {@code 202} for one taken and ignored (with the reason), {@code 400}
 * naming the field of a body it cannot read, {@code 503} when the engine could not act now (Zendesk
 * retries). The signature (or, without a signing secret, HTTP Basic) is checked before, by
 * {@link com.gitlab.support.handoff.security.ApiAuthenticationFilter}. The body is read here, not
 * bound to a class, so every part a malformed body lacks is named the way Zendesk's payload spells it.
 */
@RestController
public class ZendeskEventController {

  public static final String PATH = "/api/zendesk/events";
  private static final Logger LOG = LoggerFactory.getLogger(ZendeskEventController.class);

  private final TicketEvents events;
  private final ObjectMapper json;

  public ZendeskEventController(TicketEvents events, ObjectMapper json) {
    this.events = events;
    this.json = json;
  }

  @PostMapping(PATH)
  public ResponseEntity<?> receive(@RequestBody(required = false) byte[] body) {
    TicketEvent event;
    try {
      event = ZendeskEventReader.read(body == null || body.length == 0 ? null : json.readTree(body));
    } catch (IOException notJson) {
      return problem(HttpStatus.BAD_REQUEST, "Invalid event", "The body must be a JSON object", null);
    } catch (MalformedEventException malformed) {
      return problem(HttpStatus.BAD_REQUEST, "Invalid event", malformed.getMessage(), malformed.field());
    }
    EventOutcome outcome;
    try {
      outcome = events.receive(event);
    } catch (ProcessEngineException e) {
      LOG.error("Zendesk event {} of ticket {} could not be taken now", event.eventId(), event.ticketId(), e);
      ResponseEntity<ProblemDetail> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, "Event not taken",
          "The workflow engine could not take the event now; send it again", null);
      return ResponseEntity.status(unavailable.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "60")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(unavailable.getBody());
    }
    return ResponseEntity.status(outcome.taken() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
