package com.gitlab.support.handoff.texts;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.connector.salesforce.ChatterMessage;
import com.gitlab.support.handoff.connector.salesforce.NewCase;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Derived texts fit the vendor's or the column's limit, shortened so a person still reads them. */
class TextsTest {

  private static final String TICKET_URL = "https://gitlab.zendesk.com/agent/tickets/4711";

  @Test
  @DisplayName("A text at the limit is kept as it is; one character more is cut after the last whole word, with …")
  void cutsAtAWordBoundary() {
    String words = "Wants to pay by wire transfer";

    assertThat(Texts.shorten(words, words.length())).isEqualTo(words);
    assertThat(Texts.shorten(words, words.length() - 1)).isEqualTo("Wants to pay by wire…");
    assertThat(Texts.shorten(words, 13)).isEqualTo("Wants to pay…").hasSize(13);
    assertThat(Texts.shorten(null, 10)).isNull();
  }

  @Test
  @DisplayName("One very long word is cut inside the word rather than losing most of the room")
  void cutsInsideAVeryLongWord() {
    String text = "See " + "x".repeat(100);

    assertThat(Texts.shorten(text, 50)).isEqualTo("See " + "x".repeat(45) + "…").hasSize(50);
  }

  @Test
  @DisplayName("An emoji is never cut in half")
  void keepsSurrogatePairsWhole() {
    String text = "a".repeat(8) + "\uD83D\uDE00" + "b".repeat(10);

    String shortened = Texts.shorten(text, 10);

    assertThat(shortened).isEqualTo("a".repeat(8) + "…");
  }

  @Test
  @DisplayName("A text that ends with a link keeps the whole link at its end")
  void keepsTheTrailingLink() {
    String text = "Urgent ticket 4711 waits for Sales about \"" + "more words ".repeat(20) + "\". " + TICKET_URL;

    String shortened = Texts.shortenKeepingTrailingLink(text, 120);

    assertThat(shortened).hasSizeLessThanOrEqualTo(120).startsWith("Urgent ticket 4711 waits for Sales")
        .endsWith("… " + TICKET_URL);
    assertThat(Texts.shortenKeepingTrailingLink(text, text.length())).isEqualTo(text);
  }

  @Test
  @DisplayName("Slack: a message of 40,000 characters goes as it is; one more is shortened, the ticket link kept")
  void slackMessageLimit() {
    String words = "word ".repeat(7_990);
    String atLimit = words + "abcd " + TICKET_URL;
    String onePast = words + "abcde " + TICKET_URL;
    assertThat(atLimit).hasSize(Texts.SLACK_MESSAGE_MAX);

    assertThat(Texts.slackMessage(atLimit)).isEqualTo(atLimit);
    assertThat(Texts.slackMessage(onePast)).hasSizeLessThanOrEqualTo(Texts.SLACK_MESSAGE_MAX)
        .endsWith("word… " + TICKET_URL);
  }

  @Test
  @DisplayName("Chatter: the body (mentions as \"@Name \", text) stays within 10,000 characters; the text is cut only past that")
  void chatterBodyLimit() {
    int room = ChatterMessage.MAX_BODY - ChatterMessage.MENTION_ROOM;
    String atLimit = "word ".repeat(1_975) + "ab";
    assertThat(atLimit).hasSize(room);

    assertThat(new ChatterMessage("005U1", atLimit, List.of("005U1")).text()).isEqualTo(atLimit);
    String shortened = new ChatterMessage("005U1", atLimit + "x", List.of("005U1")).text();
    assertThat(shortened).hasSizeLessThanOrEqualTo(room).endsWith("word…");
    assertThat(new ChatterMessage("005U1", atLimit, List.of()).text()).as("no mention: all 10,000 for the text")
        .isEqualTo(atLimit);
    assertThat(new ChatterMessage("005U1", "a ".repeat(6_000) + TICKET_URL, List.of("005U1")).text())
        .hasSizeLessThanOrEqualTo(room).endsWith("… " + TICKET_URL);
  }

  @Test
  @DisplayName("Salesforce: a case subject fits Case.Subject (255), a description Case.Description (32,000)")
  void caseFieldLimits() {
    String subject = "Support ticket 4711: " + "wire transfer ".repeat(30);
    NewCase newCase = new NewCase(null, subject, "d ".repeat(16_000) + "x", "Inbound Request", "High", null, null, null);

    assertThat(newCase.subject()).hasSizeLessThanOrEqualTo(NewCase.MAX_SUBJECT).startsWith("Support ticket 4711: ")
        .endsWith("…");
    assertThat(newCase.description()).hasSizeLessThanOrEqualTo(NewCase.MAX_DESCRIPTION).endsWith("d…");
    assertThat(new NewCase(null, "s".repeat(255), "d".repeat(32_000), null, null, null, null, null))
        .satisfies(atLimit -> {
          assertThat(atLimit.subject()).hasSize(255);
          assertThat(atLimit.description()).hasSize(32_000);
        });
  }
}
