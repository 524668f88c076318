package com.gitlab.support.handoff.connector;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's {@code http.client.requests} observation of a connector's calls, with one more tag:
 * {@code system} ({@code salesforce}, {@code zendesk}, {@code slack}), so that every outside call is
 * timed per system whatever host the system has. The other tags stay Spring's ({@code method},
 * {@code uri} template or {@code none}, {@code status}, {@code outcome}, {@code client.name},
 * {@code exception}); a URI with a query (Salesforce's SOQL) never becomes a tag.
 *
 * <p>Every other HTTP client made from Spring Boot's builders gets {@code system=none}
 * ({@link #OTHER_CLIENTS}, the application's convention bean): Prometheus wants one set of tag names
 * per meter, and a client without the tag, timed first, would keep the connectors' calls out of it.
 */
public final class SystemClientObservationConvention extends DefaultClientRequestObservationConvention {

  /** The tag naming the outside system. */
  public static final String SYSTEM_TAG = "system";

  /** The tag value of HTTP clients that call none of the outside systems. */
  public static final String OTHER_CLIENTS = "none";

  private final KeyValue system;

  public SystemClientObservationConvention(ExternalSystem system) {
    this(tagValue(system));
  }

  private SystemClientObservationConvention(String system) {
    this.system = KeyValue.of(SYSTEM_TAG, system);
  }

  /** For every HTTP client that is no connector: {@code system=none}. */
  public static SystemClientObservationConvention otherClients() {
    return new SystemClientObservationConvention(OTHER_CLIENTS);
  }

  /** {@code salesforce}, {@code zendesk}, {@code slack}: the tag value of a system. */
  public static String tagValue(ExternalSystem system) {
    return system.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
    return super.getLowCardinalityKeyValues(context).and(system);
  }
}
