package com.gitlab.support.handoff.warnings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a target is close enough to warn whoever must act (issue #15).
 *
 * @param share the share of each target's business time after which the warning goes out, between 0 and 1
 *     exclusive; default 0.75: 18 of the owner's 24 business hours, 5.25 of the 7 days
 */
@Validated
@ConfigurationProperties("handoff.warnings")
public record WarningProperties(
    @DecimalMin(value = "0", inclusive = false, message = "must lie between 0 and 1 (exclusive), e.g. 0.75")
    @DecimalMax(value = "1", inclusive = false, message = "must lie between 0 and 1 (exclusive), e.g. 0.75")
    Double share) {

  public static final double DEFAULT_SHARE = 0.75;

  public WarningProperties {
    share = share == null ? DEFAULT_SHARE : share;
  }
}
