package com.gitlab.support.handoff.smbcase;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SMB Sales Case workflow.
 *
 * @param advocateCapacity R21: cases In Progress at which an advocate is skipped by the round-robin;
 *     default 50. A diagram may still give advocateCapacity as an input of
 *     pickNextAdvocate, which then wins for that task.
 */
@Validated
@ConfigurationProperties("handoff.smb")
public record SmbProperties(@Positive Integer advocateCapacity) {

  public static final int DEFAULT_ADVOCATE_CAPACITY = 50;

  public SmbProperties {
    advocateCapacity = advocateCapacity == null ? DEFAULT_ADVOCATE_CAPACITY : advocateCapacity;
  }
}
