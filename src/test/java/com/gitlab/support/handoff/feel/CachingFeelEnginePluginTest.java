package com.gitlab.support.handoff.feel;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.SalesHandoffApplication;
import com.gitlab.support.handoff.TestProfiles;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The running application's decision tables are evaluated by the caching FEEL engine. */
@SpringBootTest(classes = SalesHandoffApplication.class)
@ActiveProfiles(resolver = TestProfiles.class)
class CachingFeelEnginePluginTest {

  @Autowired ProcessEngine processEngine;
  @Autowired DecisionService decisionService;

  @Test
  @DisplayName("R15: slackEscalationChannel decided by the caching engine, its cells parsed once for many decisions")
  void decisionTablesUseTheCache() {
    DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration)
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
    CachingFeelEngine feel = (CachingFeelEngine) dmn.getFeelEngine();

    for (String requestType : new String[] {"NEW_BUSINESS_QUOTE", "RENEWAL_QUOTE", "TRUE_UP_WAIVER"}) {
      assertThat(decide(requestType)).isEqualTo(switch (requestType) {
        case "NEW_BUSINESS_QUOTE" -> "#sales";
        case "RENEWAL_QUOTE" -> "#account-management";
        default -> "#support_sales_escalation";
      });
    }
    int parsed = feel.cached();
    for (int i = 0; i < 20; i++) {
      decide("TRUE_UP_WAIVER");
    }

    assertThat(parsed).isPositive();
    assertThat(feel.cached()).as("nothing parsed again").isEqualTo(parsed);
  }

  private Object decide(String requestType) {
    return decisionService.evaluateDecisionTableByKey("slackEscalationChannel",
        Variables.createVariables().putValue("requestType", requestType)).getSingleEntry();
  }
}
