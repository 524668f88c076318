package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedbackTagsTest {

  private final FeedbackTags tags = new FeedbackTags();

  @ParameterizedTest(name = "R33 feedback \"{0}\" becomes \"{1}\"")
  @DisplayName("R33 a language barrier adds #languagebarrier to Feedback once")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL | #languagebarrier",
      "'' | #languagebarrier",
      "'   ' | #languagebarrier",
      "Customer prefers Portuguese | Customer prefers Portuguese #languagebarrier",
      "'Customer prefers Portuguese  ' | Customer prefers Portuguese #languagebarrier",
      "Prefers Portuguese #languagebarrier | Prefers Portuguese #languagebarrier",
      "#LanguageBarrier again | #LanguageBarrier again",
      "#languagebarriers is another tag | #languagebarriers is another tag #languagebarrier"})
  void r33_languageBarrierTaggedOnce(String feedback, String expected) {
    assertThat(tags.withLanguageBarrier(feedback)).isEqualTo(expected);
  }
}
