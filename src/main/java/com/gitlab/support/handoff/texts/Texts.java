package com.gitlab.support.handoff.texts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens texts we compose (a Chatter post, a Slack message, a task name) to what the vendor or the
 * column holds, so a long customer summary never makes a step fail: cut at a word boundary and marked
 * with "…", which a reader recognises as "there was more".
 */
public final class Texts {

  /** Marks a shortened text. */
  public static final String ELLIPSIS = "…";

  /** Slack's limit for a message's {@code text} (chat.postMessage truncates beyond it). */
  public static final int SLACK_MESSAGE_MAX = 40_000;

  /** A link at the very end of a text (trailing blanks allowed): kept when the text is shortened. */
  private static final Pattern TRAILING_LINK = Pattern.compile("\\s(https?://\\S+)\\s*$");

  /** A cut at a word boundary keeps at least this share of the room; else the cut goes inside the (very long) word. */
  private static final double LEAST_KEPT_SHARE = 0.5;

  private Texts() {}

  /**
   * The text if it has at most {@code max} characters; else its beginning, cut after the last whole
   * word that fits, followed by "…", in at most {@code max} characters.
   */
  public static String shorten(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, got " + max);
    }
    if (text == null || text.length() <= max) {
      return text;
    }
    int room = max - ELLIPSIS.length();
    int cut = room;
    if (Character.isLowSurrogate(text.charAt(cut)) && cut > 0) {
      cut--; // never split a character outside the Basic Multilingual Plane (an emoji) in two
    }
    if (!Character.isWhitespace(text.charAt(cut))) {
      int boundary = cut;
      while (boundary > 0 && !Character.isWhitespace(text.charAt(boundary - 1))) {
        boundary--;
      }
      if (boundary >= room * LEAST_KEPT_SHARE) {
        cut = boundary;
      }
    }
    String head = text.substring(0, cut).stripTrailing();
    return (head.isEmpty() ? text.substring(0, cut) : head) + ELLIPSIS;
  }

  /**
   * Like {@link #shorten}, but when the text ends with a link (the Zendesk ticket, the Chatter post)
   * the link stays whole at the end: the reader of a shortened message still finds the full story.
   */
  public static String shortenKeepingTrailingLink(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    Matcher link = TRAILING_LINK.matcher(text);
    if (link.find()) {
      String url = link.group(1);
      int headRoom = max - url.length() - 1;
      if (headRoom > ELLIPSIS.length() + url.length()) {
        return shorten(text.substring(0, link.start()), headRoom) + " " + url;
      }
    }
    return shorten(text, max);
  }

  /** A Slack message's text as chat.postMessage takes it whole. */
  public static String slackMessage(String text) {
    return shortenKeepingTrailingLink(text, SLACK_MESSAGE_MAX);
  }
}
