package com.gitlab.support.handoff.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.gitlab.support.handoff.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /api/reports}: who may read it (HTTP Basic), the list, the JSON and CSV shapes, and bad input. The
 * figures themselves are checked against driven histories in {@link ReportFiguresTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
class ReportsApiTest {

  static final String PAT = basic("pat");
  static final String DEMO = basic("demo");

  @Autowired MockMvc http;

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("GET /api/reports lists the seven reports by name, with a title and a description each")
  void listsTheReports() throws Exception {
    http.perform(get("/api/reports").header("Authorization", PAT))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.contains("waiting-handoffs", "escalation-levels",
            "answer-times", "not-passed", "smb-pickup", "smb-closing", "advocate-load")))
        .andExpect(jsonPath("$[0].title").isNotEmpty())
        .andExpect(jsonPath("$[6].description").isNotEmpty());
  }

  @Test
  @DisplayName("Process owners (pat) and administrators (demo) read the reports; engineers and advocates get 403")
  void onlyOperatorsAndProcessOwners() throws Exception {
    http.perform(get("/api/reports/smb-pickup").header("Authorization", PAT)).andExpect(status().isOk());
    http.perform(get("/api/reports/smb-pickup").header("Authorization", DEMO)).andExpect(status().isOk());
    for (String user : List.of("sam", "ava", "eli")) {
      http.perform(get("/api/reports/smb-pickup").header("Authorization", basic(user)))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      http.perform(get("/api/reports").header("Authorization", basic(user))).andExpect(status().isForbidden());
    }
  }

  @Test
  @DisplayName("Without credentials, or with an unknown user, it is 401")
  void anonymousIs401() throws Exception {
    http.perform(get("/api/reports")).andExpect(status().isUnauthorized());
    http.perform(get("/api/reports/answer-times.csv")).andExpect(status().isUnauthorized());
    http.perform(get("/api/reports/answer-times").header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("nobody:wrong".getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  @DisplayName("Read-only: a POST is 405")
  void readOnly() throws Exception {
    http.perform(post("/api/reports/smb-pickup").header("Authorization", DEMO)).andExpect(status().isMethodNotAllowed());
  }

  @Test
  @DisplayName("A report names its period and columns; the default period is the 84 days up to today")
  void jsonShape() throws Exception {
    http.perform(get("/api/reports/smb-closing").header("Authorization", PAT).param("from", "2026-11-02").param("to", "2026-11-29"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("smb-closing"))
        .andExpect(jsonPath("$.title").isNotEmpty())
        .andExpect(jsonPath("$.from").value("2026-11-02"))
        .andExpect(jsonPath("$.to").value("2026-11-29"))
        .andExpect(jsonPath("$.columns[*].name").value(org.hamcrest.Matchers.contains("week", "closed", "closedWithin7Days",
            "metPercent", "fifteenDayBreaches")))
        .andExpect(jsonPath("$.columns[0].type").value("date"))
        .andExpect(jsonPath("$.columns[3].type").value("percent"))
        .andExpect(jsonPath("$.rows[*].week").value(org.hamcrest.Matchers.contains("2026-11-02", "2026-11-09", "2026-11-16",
            "2026-11-23")))
        .andExpect(jsonPath("$.rows[0].closed").value(0));

    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    http.perform(get("/api/reports/not-passed").header("Authorization", PAT))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.to").value(today))
        .andExpect(jsonPath("$.from").value(java.time.LocalDate.parse(today).minusDays(83).toString()));
  }

  @Test
  @DisplayName("CSV by the .csv suffix or Accept: text/csv: a header of the column names, a line per row, CRLF")
  void csvShape() throws Exception {
    String suffix = http.perform(get("/api/reports/smb-pickup.csv").header("Authorization", PAT)
            .param("from", "2026-11-02").param("to", "2026-11-15"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andReturn().getResponse().getContentAsString();
    assertThat(suffix).isEqualTo("week,cases,pickedUpInTime,late,waiting,metPercent\r\n"
        + "2026-11-02,0,0,0,0,\r\n"
        + "2026-11-09,0,0,0,0,\r\n");

    String accepted = http.perform(get("/api/reports/smb-pickup").header("Authorization", PAT)
            .header("Accept", "text/csv").param("from", "2026-11-02").param("to", "2026-11-15"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andReturn().getResponse().getContentAsString();
    assertThat(accepted).isEqualTo(suffix);
  }

  @Test
  @DisplayName("CSV fields with a comma, a quote or a line break are quoted, quotes doubled (RFC 4180)")
  void csvQuoting() {
    ReportTable table = new ReportTable("x", "X", "2026-11-02", "2026-11-08",
        List.of(ReportColumn.string("reason", "Reason"), ReportColumn.number("n", "N")),
        List.of(java.util.Map.of("reason", "Not for Sales: \"Upgrade\", plan", "n", 3),
            new java.util.HashMap<>(java.util.Map.of("reason", "two\nlines"))));
    assertThat(ReportCsv.of(table)).isEqualTo("reason,n\r\n\"Not for Sales: \"\"Upgrade\"\", plan\",3\r\n\"two\nlines\",\r\n");
  }

  @Test
  @DisplayName("A bad date is 400 naming the parameter; from after to is 400 naming from")
  void badDates() throws Exception {
    http.perform(get("/api/reports/answer-times").header("Authorization", PAT).param("from", "2026-13-01"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("from"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("from")));
    http.perform(get("/api/reports/answer-times.csv").header("Authorization", PAT).param("to", "yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("to"));
    http.perform(get("/api/reports/answer-times").header("Authorization", PAT).param("from", "2026-11-10").param("to", "2026-11-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"));
    http.perform(get("/api/reports/answer-times").header("Authorization", PAT).param("from", "2020-01-01").param("to", "2026-11-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("to"));
  }

  @Test
  @DisplayName("An unknown report is 404 naming the reports there are")
  void unknownReportIs404() throws Exception {
    http.perform(get("/api/reports/nonsense").header("Authorization", PAT))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("waiting-handoffs")));
    http.perform(get("/api/reports/nonsense.csv").header("Authorization", PAT)).andExpect(status().isNotFound());
  }
}
