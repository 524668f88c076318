package com.gitlab.support.handoff.smbcase;

import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * The tags an SMB case's Feedback field carries so the SMB team can count them in Salesforce reports.
 * R33: a case handed over because of a language barrier carries {@value #LANGUAGE_BARRIER} once.
 * The diagrams call it as {@code ${feedbackTags.withLanguageBarrier(feedback)}}.
 */
@Component("feedbackTags")
public class FeedbackTags {

  public static final String LANGUAGE_BARRIER = "#languagebarrier";

  /** The feedback with {@value #LANGUAGE_BARRIER} added at its end, unless it already carries the tag. */
  public String withLanguageBarrier(String feedback) {
    return withTag(feedback, LANGUAGE_BARRIER);
  }

  static String withTag(String feedback, String tag) {
    if (feedback == null || feedback.isBlank()) {
      return tag;
    }
    String trimmed = feedback.strip();
    boolean tagged = Arrays.stream(trimmed.split("\\s+")).anyMatch(word -> word.equalsIgnoreCase(tag));
    return tagged ? trimmed : trimmed + " " + tag;
  }
}
