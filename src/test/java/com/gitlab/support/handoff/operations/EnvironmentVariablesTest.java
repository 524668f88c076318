package com.gitlab.support.handoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.calendar.CalendarProperties;
import com.gitlab.support.handoff.connector.salesforce.SalesforceProperties;
import com.gitlab.support.handoff.connector.zendesk.ZendeskProperties;
import com.gitlab.support.handoff.metrics.MetricsProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables of docs/operations.md ("Environment variables") and docs/docker-compose.yaml
 * bind to the settings they name, spelled as documented: dashes as underscores, list elements by index,
 * lists comma-separated. Bound by Spring Boot's own binder from a system-environment source.
 */
class EnvironmentVariablesTest {

  @Test
  @DisplayName("HANDOFF_* variables with underscores for dashes, indexes and commas bind to handoff.*")
  void documentedSpellingsBind() {
    Binder binder = binderOf(Map.of(
        "HANDOFF_ZENDESK_API_TOKEN", "token-1",
        "HANDOFF_ZENDESK_WEBHOOK_SECRET", "one,two",
        "HANDOFF_ZENDESK_ESCALATED_TO_SALES_FIELD_ID", "360001",
        "HANDOFF_ZENDESK_READ_TIMEOUT", "PT30S",
        "HANDOFF_SALESFORCE_FIELDS_TECHNICAL_ACCOUNT_MANAGER", "TAM__c",
        "HANDOFF_SALESFORCE_TERRITORY_OWNERS_0_SEGMENT", "LARGE",
        "HANDOFF_SALESFORCE_TERRITORY_OWNERS_0_OWNER_ID", "005U4",
        "HANDOFF_CALENDAR_ZONE", "Europe/Amsterdam",
        "HANDOFF_CALENDAR_HOLIDAYS", "2026-12-24,2026-12-31",
        "HANDOFF_CLUSTER_NODE_NAME", "handoff-2"));

    ZendeskProperties zendesk = binder.bind("handoff.zendesk", ZendeskProperties.class).get();
    assertThat(zendesk.apiToken()).isEqualTo("token-1");
    assertThat(zendesk.webhookSecret()).isEqualTo("one,two");
    assertThat(zendesk.escalatedToSalesFieldId()).isEqualTo(360001L);
    assertThat(zendesk.readTimeout()).isEqualTo(Duration.ofSeconds(30));

    SalesforceProperties salesforce = binder.bind("handoff.salesforce", SalesforceProperties.class).get();
    assertThat(salesforce.fields().technicalAccountManager()).isEqualTo("TAM__c");
    assertThat(salesforce.territoryOwners()).singleElement().satisfies(owner -> {
      assertThat(owner.segment()).isEqualTo("LARGE");
      assertThat(owner.ownerId()).isEqualTo("005U4");
    });

    CalendarProperties calendar = binder.bind("handoff.calendar", CalendarProperties.class).get();
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"));

    assertThat(binder.bind("handoff.cluster", ClusterProperties.class).get().nodeName()).isEqualTo("handoff-2");
    assertThat(binderOf(Map.of("HANDOFF_METRICS_CACHE_FOR", "PT30S")).bind("handoff.metrics", MetricsProperties.class).get()
        .cacheFor()).isEqualTo(Duration.ofSeconds(30));
  }

  private static Binder binderOf(Map<String, Object> variables) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new Binder(ConfigurationPropertySources.from(sources));
  }
}
