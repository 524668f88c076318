package com.gitlab.support.handoff.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gitlab.support.handoff.events.TicketEvent.Change;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of Zendesk's payloads the HTTP tests do not reach: shapes, missing values, the raise rule. */
class ZendeskEventReaderTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName("R17 a ticket that had no priority: previous is none, and high is a raise")
  void priorityWithoutPreviousIsARaise() throws Exception {
    TicketEvent event = read(ZendeskEventPayloads.priorityChanged("e1", "4711", null, "HIGH"));

    assertThat(event.change()).isEqualTo(Change.PRIORITY_CHANGED);
    assertThat(event.previous()).isNull();
    assertThat(event.current()).isEqualTo("high");
    assertThat(TicketEvents.isRaise(event.previous(), event.current())).isTrue();
  }

  @Test
  @DisplayName("event.current as an object holding the property, as other ticket events have it")
  void currentAsAnObject() throws Exception {
    TicketEvent event = read(ZendeskEventPayloads.ticketEvent("zen:event-type:ticket.status_changed", "e2", "4711",
        "SOLVED", "LOW", "{\"current\":{\"status\":\"SOLVED\"},\"previous\":{\"status\":\"OPEN\"}}"));

    assertThat(event.current()).isEqualTo("solved");
    assertThat(event.previous()).isEqualTo("open");
    assertThat(event.at()).isEqualTo(Instant.parse("2026-12-03T10:00:00.672717030Z"));
  }

  @Test
  @DisplayName("A user event sent here by mistake is read as 'other', without a ticket")
  void nonTicketEventIsOther() throws Exception {
    TicketEvent event = read("{\"type\":\"zen:event-type:user.active_changed\",\"id\":\"e3\","
        + "\"subject\":\"zen:user:6596848315901\",\"detail\":{\"id\":\"6596848315901\"},"
        + "\"event\":{\"current\":false,\"previous\":true}}");

    assertThat(event.change()).isEqualTo(Change.OTHER);
    assertThat(event.ticketId()).isNull();
  }

  @Test
  @DisplayName("The trigger body: minute-precision updated_at, capitalised values, '-' for no priority")
  void triggerBody() throws Exception {
    TicketEvent event = read(ZendeskEventPayloads.trigger("status", "4711", "Closed", "-"));

    assertThat(event.change()).isEqualTo(Change.STATUS_CHANGED);
    assertThat(event.current()).isEqualTo("closed");
    assertThat(event.at()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    assertThat(read(ZendeskEventPayloads.trigger("priority_raised", "4711", "Open", "-")).current()).isNull();
  }

  @Test
  @DisplayName("An event id longer than the table keeps, a numeric priority, no body: refused naming the field")
  void refusals() {
    String longId = "x".repeat(ZendeskEventReader.MAX_EVENT_ID_LENGTH + 1);
    assertThatThrownBy(() -> read(ZendeskEventPayloads.statusChanged(longId, "4711", "OPEN", "SOLVED")))
        .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThatThrownBy(() -> read(ZendeskEventPayloads.ticketEvent("zen:event-type:ticket.priority_changed", "e4",
        "4711", "OPEN", "HIGH", "{\"current\":3}")))
        .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("event.current"));
    assertThatThrownBy(() -> ZendeskEventReader.read(null))
        .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.field()).isNull());
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({"normal, high, true", "low, urgent, true", "high, urgent, true", ", high, true",
      "urgent, high, false", "low, normal, false", "high, high, false", "high, , false"})
  @DisplayName("R15 R17 a raise is to high or urgent from a lower priority (or none)")
  void raiseRule(String previous, String current, boolean raise) {
    assertThat(TicketEvents.isRaise(previous, current)).isEqualTo(raise);
  }

  private TicketEvent read(String body) throws Exception {
    return ZendeskEventReader.read(json.readTree(body));
  }
}
