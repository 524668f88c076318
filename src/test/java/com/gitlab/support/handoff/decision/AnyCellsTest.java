package com.gitlab.support.handoff.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A decision table cell that matches anything is left empty, not written {@code -}. Camunda skips an
 * empty input entry; {@code -} goes to the FEEL engine, which parses it and builds its whole context
 * of built-in functions again for every rule of every evaluation (docs/operations.md, "Where the time
 * goes"). Modeler shows an empty cell as {@code -}, so the table reads the same.
 */
class AnyCellsTest {

  private static final Pattern DASH_ENTRY = Pattern.compile("<inputEntry id=\"([^\"]+)\">\\s*<text>-</text>");

  @Test
  @DisplayName("Every 'any' input cell of every decision table is empty, not '-' (FEEL would evaluate it on every rule)")
  void anyCellsAreEmpty() throws IOException {
    List<String> dashes = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path dmn : models.filter(p -> p.toString().endsWith(".dmn")).sorted().toList()) {
        Matcher entry = DASH_ENTRY.matcher(Files.readString(dmn));
        while (entry.find()) {
          dashes.add(dmn.getFileName() + " " + entry.group(1));
        }
      }
    }
    assertThat(dashes).as("input entries written '-': clear the cell in Modeler instead").isEmpty();
  }
}
