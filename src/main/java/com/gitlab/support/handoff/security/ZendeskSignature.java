package com.gitlab.support.handoff.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk's webhook signature: base64(HMAC-SHA256(secret, timestamp + body)). Compared in constant
 * time; a timestamp outside the tolerance is refused so a captured request cannot be replayed later.
 */
public final class ZendeskSignature {

  private final byte[] secret;
  private final Duration tolerance;

  public ZendeskSignature(String secret, Duration tolerance) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
  }

  /** Why the request is refused, or null when it is genuine and fresh. */
  public String problemWith(String signature, String timestamp, byte[] body, Instant now) {
    if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      return "the X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp headers are required";
    }
    Instant signedAt;
    try {
      signedAt = Instant.parse(timestamp.trim());
    } catch (DateTimeParseException e) {
      return "X-Zendesk-Webhook-Signature-Timestamp is not an ISO instant";
    }
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return "X-Zendesk-Webhook-Signature-Timestamp is too old or in the future";
    }
    byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
      return "the signature does not match";
    }
    return null;
  }

  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
