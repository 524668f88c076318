package com.gitlab.support.handoff.intake;

import com.gitlab.support.handoff.security.ApiAuthenticationFilter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/handoffs}: 201 for a new handoff, 200 with {@code duplicate: true} for a running one. */
@RestController
public class HandoffController {

  private final HandoffIntake intake;

  public HandoffController(HandoffIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/handoffs")
  @ApiResponse(responseCode = "201", description = "A new handoff started",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeResult.class)))
  @ApiResponse(responseCode = "200", description = "The ticket's handoff is already running (duplicate: true); nothing new starts",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeResult.class)))
  @ApiResponse(responseCode = "400", description = "Bad input, naming the field; nothing started",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "No or wrong credentials, or a missing or wrong Zendesk signature",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<IntakeResult> start(@Valid @RequestBody HandoffRequest request,
      @RequestAttribute(name = ApiAuthenticationFilter.USER_ATTRIBUTE, required = false) String user) {
    IntakeResult result = intake.start(request, user);
    return ResponseEntity.status(result.isDuplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }
}
