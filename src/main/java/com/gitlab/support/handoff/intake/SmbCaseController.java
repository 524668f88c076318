package com.gitlab.support.handoff.intake;

import com.gitlab.support.handoff.security.ApiAuthenticationFilter;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/smb-cases}: opens an SMB Sales Case. */
@RestController
public class SmbCaseController {

  private final SmbCaseIntake intake;

  public SmbCaseController(SmbCaseIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/smb-cases")
  @ResponseStatus(HttpStatus.CREATED)
  public IntakeResult open(@Valid @RequestBody SmbCaseRequest request,
      @RequestAttribute(name = ApiAuthenticationFilter.USER_ATTRIBUTE, required = false) String user) {
    return intake.open(request, user);
  }
}
