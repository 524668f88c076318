package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.salesforce.SalesforceProperties;
import com.gitlab.support.handoff.connector.slack.SlackProperties;
import com.gitlab.support.handoff.connector.zendesk.ZendeskProperties;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/outbox}: what the sandbox connectors recorded, oldest first; only while one is in use. */
@RestController
public class OutboxController {

  private final Outbox outbox;
  private final boolean sandboxInUse;

  public OutboxController(Outbox outbox, SalesforceProperties salesforce, ZendeskProperties zendesk,
      SlackProperties slack) {
    this.outbox = outbox;
    this.sandboxInUse = salesforce.isSandbox() || zendesk.isSandbox() || slack.isSandbox();
  }

  @GetMapping("/api/outbox")
  public List<OutboxEntry> entries() {
    if (!sandboxInUse) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Every connector is real: there is no sandbox outbox");
    }
    return outbox.entries();
  }
}
