package com.gitlab.support.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gitlab.support.handoff.intake.HandoffIntake;
import com.gitlab.support.handoff.intake.HandoffRequest;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as an operator starts it: no demo profile, its own database. */
class StartupTest {

  @Test
  @DisplayName("Production start-up without HANDOFF_ADMIN_USER/PASSWORD refuses, naming them")
  void refusesWithoutAnAdministrator() {
    assertThatThrownBy(() -> start("jdbc:h2:mem:no-admin;DB_CLOSE_DELAY=-1", "", "").close())
        .rootCause().hasMessageContaining("HANDOFF_ADMIN_USER").hasMessageContaining("HANDOFF_ADMIN_PASSWORD");
  }

  @Test
  @DisplayName("R1 a running handoff survives a restart of the application on the H2 file database")
  void handoffSurvivesARestart(@TempDir Path data) {
    String url = "jdbc:h2:file:" + data.resolve("sales-handoff") + ";DB_CLOSE_ON_EXIT=FALSE";
    String instanceId;
    try (ConfigurableApplicationContext first = start(url, "ops", "first-start-password")) {
      instanceId = first.getBean(HandoffIntake.class).start(new HandoffRequest("6001", "jane@acme.com",
          "ALTERNATIVE_PAYMENT_METHOD", "Pays by wire", "sam", null, null, null, null, null, null, null, null), "ops")
          .processInstanceId();
    }

    // The second start needs no admin settings: the first start created the administrator.
    try (ConfigurableApplicationContext second = start(url, "", "")) {
      RuntimeService runtime = second.getBean(RuntimeService.class);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6001").singleResult().getId())
          .isEqualTo(instanceId);
      assertThat(second.getBean(ManagementService.class).createJobQuery().processInstanceId(instanceId).count())
          .as("the handoff's next step is still scheduled").isEqualTo(1);
    }
  }

  private static ConfigurableApplicationContext start(String databaseUrl, String adminUser, String adminPassword) {
    return new SpringApplicationBuilder(SalesHandoffApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + databaseUrl,
        "--handoff.admin.user=" + adminUser,
        "--handoff.admin.password=" + adminPassword,
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.job-execution.enabled=false");
  }
}
