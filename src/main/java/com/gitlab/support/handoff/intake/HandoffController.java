package com.gitlab.support.handoff.intake;

import com.gitlab.support.handoff.security.ApiAuthenticationFilter;
import jakarta.validation.Valid;
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
  public ResponseEntity<IntakeResult> start(@Valid @RequestBody HandoffRequest request,
      @RequestAttribute(name = ApiAuthenticationFilter.USER_ATTRIBUTE, required = false) String user) {
    IntakeResult result = intake.start(request, user);
    return ResponseEntity.status(result.isDuplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }
}
