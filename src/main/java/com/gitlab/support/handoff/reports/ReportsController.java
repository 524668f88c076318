package com.gitlab.support.handoff.reports;

import com.gitlab.support.handoff.calendar.CalendarProperties;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports}: the SLA dashboard's figures from the engine's history, each as JSON or as CSV
 * ({@code Accept: text/csv} or the {@code .csv} suffix). Read-only; for operators and process owners
 * ({@link com.gitlab.support.handoff.security.ApiAuthenticationFilter}).
 */
@RestController
public class ReportsController {

  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  /** The longest period a report covers: two years of days. */
  static final int MAX_DAYS = 731;

  private final Map<String, Report> reports;
  private final CalendarProperties calendar;

  public ReportsController(List<Report> reports, CalendarProperties calendar) {
    this.reports = reports.stream().collect(Collectors.toMap(Report::name, Function.identity()));
    this.calendar = calendar;
  }

  @GetMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<ReportSummary> list() {
    return ReportNames.ORDER.stream().map(reports::get)
        .map(report -> new ReportSummary(report.name(), report.title(), report.description())).toList();
  }

  @GetMapping(path = "/api/reports/{name}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  public ResponseEntity<?> report(@PathVariable String name, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestHeader(name = "Accept", required = false) String accept) {
    ReportTable table = table(name, from, to);
    return wantsCsv(accept) ? csv(table) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
  }

  @GetMapping(path = "/api/reports/{name}.csv")
  public ResponseEntity<String> reportAsCsv(@PathVariable String name, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return csv(table(name, from, to));
  }

  private ReportTable table(String name, String fromText, String toText) {
    Report report = reports.get(name);
    if (report == null) {
      throw problem(HttpStatus.NOT_FOUND, "No report named '" + name + "'; the reports are " + ReportNames.ORDER, null);
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate();
    LocalDate to = date("to", toText, today);
    LocalDate from = date("from", fromText, to.minusDays(ReportPeriod.DEFAULT_DAYS - 1));
    if (from.isAfter(to)) {
      throw problem(HttpStatus.BAD_REQUEST, "from: " + from + " is after to (" + to + ")", "from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw problem(HttpStatus.BAD_REQUEST, "to: a report covers at most " + MAX_DAYS + " days", "to");
    }
    ReportPeriod period = new ReportPeriod(from, to, calendar.zone(), ClockUtil.getCurrentTime().toInstant());
    return new ReportTable(report.name(), report.title(), from.toString(), to.toString(), report.columns(),
        report.rows(period));
  }

  private static LocalDate date(String parameter, String text, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw problem(HttpStatus.BAD_REQUEST, parameter + ": '" + text + "' is not a date YYYY-MM-DD", parameter);
    }
  }

  /** CSV when the client prefers it to JSON; JSON for no Accept header, {@code *}{@code /*} and JSON. */
  static boolean wantsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (IllegalArgumentException e) {
      return false;
    }
    MediaType.sortBySpecificityAndQuality(types);
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<String> csv(ReportTable table) {
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header("Content-Disposition", "attachment; filename=\"" + table.name() + "_" + table.from() + "_" + table.to() + ".csv\"")
        .body(ReportCsv.of(table));
  }

  private static ErrorResponseException problem(HttpStatus status, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status == HttpStatus.NOT_FOUND ? "No such report" : "Invalid request");
    if (field != null) {
      problem.setProperty("field", field);
    }
    return new ErrorResponseException(status, problem, null);
  }
}
