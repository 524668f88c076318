package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A side effect the outside system refuses goes to the engineer, who fixes the cause and retries. */
class FixAndRetryTest extends RoleWorkflowTestCase {

  @MockitoSpyBean SalesforceConnector salesforce;

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R9 a Chatter post Salesforce rejects becomes 'Fix and retry' for the engineer; the retry posts once, the reply is not repeated")
  void rejectedChatterPostIsFixedAndRetried() {
    doThrow(ConnectorException.rejected(ExternalSystem.SALESFORCE, "400 INVALID_CROSS_REFERENCE_KEY: inactive user 005U1"))
        .doCallRealMethod().when(salesforce).postChatter(any());

    ProcessInstance named = start("namedAccountOwnerHandoff", namedAccountOwner(ticketId));

    assertThat(named).isWaitingAt("fixChatterAccountOwner");
    Task fix = task(ticketId, "fixChatterAccountOwner");
    assertThat(fix.getName()).isEqualTo("Fix and retry the Chatter post for ticket " + ticketId);
    assertThat(fix.getAssignee()).isEqualTo("sam");
    assertThat(fix.getCamundaFormRef().getKey()).isEqualTo("fixAndRetry");
    assertThat((String) runtimeService().getVariable(named.getId(), "connectorError")).contains("inactive user 005U1");
    assertThat(chatterPosts(ticketId)).isEmpty();

    complete(ticketId, "fixChatterAccountOwner", Map.of("fixNote", "Reactivated Jane in Salesforce"));

    assertThat(chatterPosts(ticketId)).hasSize(1);
    assertThat(ticketUpdates(ticketId)).hasSize(2);
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation");
  }
}
