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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
  @Operation(summary = "The SLA reports there are", description = "For members of process-owners and camunda-admin, "
      + "by HTTP Basic or the session of the Camunda webapps.")
  @ApiResponse(responseCode = "200", description = "The reports, in the dashboard's order",
      content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ReportSummary.class))))
  @ApiResponse(responseCode = "401", description = "No or wrong credentials and no webapp session",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "Not in process-owners or camunda-admin",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  public List<ReportSummary> list() {
    return ReportNames.ORDER.stream().map(reports::get)
        .map(report -> new ReportSummary(report.name(), report.title(), report.description())).toList();
  }

  @GetMapping(path = "/api/reports/{name}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(summary = "One report's figures for a period, as JSON or (Accept: text/csv) as CSV")
  @ApiResponse(responseCode = "200", description = "The report: its period, columns and rows; or CSV, a header of the column names",
      content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportTable.class)),
          @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
  @ApiResponse(responseCode = "400", description = "from or to is not a date YYYY-MM-DD, from is after to, or the period is over two years; names the parameter",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No report of that name",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<?> report(
      @Parameter(description = "waiting-handoffs, escalation-levels, answer-times, not-passed, smb-pickup, smb-closing or advocate-load",
          schema = @Schema(allowableValues = {"waiting-handoffs", "escalation-levels", "answer-times", "not-passed", "smb-pickup",
              "smb-closing", "advocate-load"})) @PathVariable String name,
      @Parameter(description = "First day, YYYY-MM-DD, in handoff.calendar.zone; default 83 days before to") @RequestParam(required = false) String from,
      @Parameter(description = "Last day (included), YYYY-MM-DD; default today") @RequestParam(required = false) String to,
      @Parameter(hidden = true) @RequestHeader(name = "Accept", required = false) String accept) {
    ReportTable table = table(name, from, to);
    return wantsCsv(accept) ? csv(table) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
  }

  @GetMapping(path = "/api/reports/{name}.csv")
  @Operation(summary = "One report as CSV (RFC 4180): a header of the column names, a line per row")
  @ApiResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "Bad from or to, naming the parameter",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<String> reportAsCsv(@PathVariable String name,
      @Parameter(description = "First day, YYYY-MM-DD") @RequestParam(required = false) String from,
      @Parameter(description = "Last day (included), YYYY-MM-DD") @RequestParam(required = false) String to) {
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
