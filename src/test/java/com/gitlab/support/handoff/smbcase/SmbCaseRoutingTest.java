package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R21 and R34: who gets the case. */
class SmbCaseRoutingTest extends SmbCaseTestCase {

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeTestAdvocates() {
    removeFromGroup("amy", AMER);
    removeFromGroup("emma", EMEA_APJ);
  }

  @Test
  @DisplayName("R21 cases of a territory alternate between its advocates (round-robin)")
  void roundRobinAlternates() {
    ensureAdvocate("ava", AMER);
    ensureAdvocate("amy", AMER);

    List<String> advocates = IntStream.range(0, 3)
        .mapToObj(i -> advocateOf(open(SmbCaseVariables.emailCase()))).toList();

    assertThat(advocates.subList(0, 2)).containsExactlyInAnyOrder("ava", "amy");
    assertThat(advocates.get(2)).isEqualTo(advocates.get(0));
  }

  @Test
  @DisplayName("R21 the routed advocate gets the case task, the territory's advocates see it as candidates")
  void advocateGetsTheTask() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase().with("subject", "Renewal question"));

    Task task = task(instance, SmbCase.PICK_UP_TASK);
    assertThat(task.getAssignee()).isEqualTo(advocateOf(instance));
    assertThat(task.getName()).isEqualTo("Work case " + businessKey(instance) + ": Renewal question");
    assertThat(candidateGroupsOf(task)).containsExactly(AMER);
  }

  @Test
  @DisplayName("R21 an advocate with 50 cases In Progress is at capacity and skipped")
  void advocateAtCapacityIsSkipped() {
    ensureAdvocate("emma", EMEA_APJ);
    give("eli", 50);

    List<String> advocates = IntStream.range(0, 2)
        .mapToObj(i -> advocateOf(open(SmbCaseVariables.emailCase().in("EMEA_APJ")))).toList();

    assertThat(advocates).containsExactly("emma", "emma");
  }

  @Test
  @DisplayName("R21 an advocate with 49 cases In Progress still takes cases")
  void advocateBelowCapacityTakesCases() {
    ensureAdvocate("emma", EMEA_APJ);
    give("eli", 49);

    List<String> advocates = IntStream.range(0, 2)
        .mapToObj(i -> advocateOf(open(SmbCaseVariables.emailCase().in("EMEA_APJ")))).toList();

    assertThat(advocates).containsExactlyInAnyOrder("eli", "emma");
  }

  @Test
  @DisplayName("R21 when every advocate of the territory is at capacity, SMB Ops choose who takes the case")
  void everyoneAtCapacityGoesToSmbOps() {
    give("eli", 50);

    ProcessInstance instance = open(SmbCaseVariables.emailCase().in("EMEA_APJ"));

    assertThat(instance).isWaitingAt("routeCase");
    assertThat(routing(instance)).isWaitingAt("triageCase");
    assertThat(task(instance, "triageCase")).hasCandidateGroup("smb-ops");
    assertThat((String) variable(routing(instance), "routingProblem")).contains("50 cases In Progress");
    complete(instance, task(instance, "triageCase"), Variables.createVariables()
        .putValue("territory", "EMEA_APJ").putValue("chosenAdvocate", "eli"));
    assertThat(task(instance, SmbCase.PICK_UP_TASK).getAssignee()).isEqualTo("eli");
  }

  @Test
  @DisplayName("R21 a High Value Account's case goes to its own advocate")
  void highValueAccountGoesToItsAdvocate() {
    ensureAdvocate("amy", AMER);

    for (int i = 0; i < 2; i++) {
      ProcessInstance instance = open(SmbCaseVariables.emailCase().highValueAccountOf("amy"));
      assertThat(task(instance, SmbCase.PICK_UP_TASK).getAssignee()).isEqualTo("amy");
    }
  }

  @Test
  @DisplayName("R21 a case without a territory goes to SMB Ops, who route it to the territory's advocates")
  void unknownTerritoryGoesToSmbOps() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase().in(null).withoutContact().with("accountId", null));

    assertThat(routing(instance)).isWaitingAt("triageCase");
    assertThat(task(instance, "triageCase").getName()).startsWith("Route case " + businessKey(instance));
    assertFormFindsItsVariables(task(instance, "triageCase"));
    complete(instance, task(instance, "triageCase"), Variables.createVariables().putValue("territory", "AMER"));

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(candidateGroupsOf(task(instance, SmbCase.PICK_UP_TASK))).containsExactly(AMER);
    assertThat(processEngine.getIdentityService().createUserQuery().userId(advocateOf(instance))
        .memberOfGroup(AMER).count()).isOne();
  }

  @Test
  @DisplayName("R21 SMB Ops who set the territory but leave the advocate empty send the case to the round-robin")
  void triageWithoutAdvocateGoesRoundRobin() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase().in(null));

    complete(instance, task(instance, "triageCase"), Variables.createVariables()
        .putValue("territory", "AMER").putValue("chosenAdvocate", ""));

    assertThat(variable(instance, "route")).isEqualTo("ROUND_ROBIN");
    assertThat(task(instance, SmbCase.PICK_UP_TASK).getAssignee()).isNotBlank();
  }

  @Test
  @DisplayName("R21 whose turn it is lives in the database, shared by every node and kept across restarts")
  void turnIsKeptInTheDatabase() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThat(jdbc.queryForObject("SELECT last_advocate FROM smb_case_round_robin WHERE territory = 'AMER'", String.class))
        .isEqualTo(advocateOf(instance));
  }

  @Test
  @DisplayName("R34 a Renewal Manager's case stays with the Renewals team until #advocate in its Subject escalates it")
  void renewalCaseWaitsForAdvocateTag() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("RENEWAL", "Autorenewal will fail"));

    assertThat(routing(instance)).isWaitingAt("renewalManagerMove");
    assertThat(advocateOf(instance)).isNull();

    runtimeService().createMessageCorrelation(SmbCase.SUBJECT_CHANGED_MESSAGE).processInstanceBusinessKey(businessKey(instance))
        .setVariable("subject", "Autorenewal will fail #advocate").correlate();
    runAsyncSteps(instance);

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(task(instance, SmbCase.PICK_UP_TASK).getName()).endsWith("Autorenewal will fail #advocate");
  }

  @Test
  @DisplayName("R34 R35 the case and its routing share the business key, and each message by business key reaches the one that waits for it")
  void r34_messagesByBusinessKeyReachTheirInstance() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("RENEWAL", "Autorenewal will fail"));
    String key = businessKey(instance);
    ProcessInstance routing = routing(instance);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list())
        .extracting(ProcessInstance::getId).containsExactlyInAnyOrder(instance.getId(), routing.getId());

    List<MessageCorrelationResult> question = runtimeService().createMessageCorrelation(SmbCase.QUESTION_MESSAGE)
        .processInstanceBusinessKey(key).setVariable("questionFrom", "Rita Renewals")
        .setVariable("questionText", "Who owns this one?").correlateAllWithResult();
    List<MessageCorrelationResult> subject = runtimeService().createMessageCorrelation(SmbCase.SUBJECT_CHANGED_MESSAGE)
        .processInstanceBusinessKey(key).setVariable("subject", "Autorenewal will fail #advocate").correlateAllWithResult();
    runAsyncSteps(instance);

    assertThat(question).extracting(result -> result.getExecution().getProcessInstanceId()).containsExactly(instance.getId());
    assertThat(subject).extracting(result -> result.getExecution().getProcessInstanceId()).containsExactly(routing.getId());
    ProcessInstance answering = calledBy(instance, SmbCase.QUESTION_PROCESS_KEY);
    assertThat(task(instance, "answerQuestion").getProcessInstanceId()).isEqualTo(answering.getId());
    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(variable(instance, "subject")).isEqualTo("Autorenewal will fail #advocate");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list())
        .extracting(ProcessInstance::getId).containsExactlyInAnyOrder(instance.getId(), answering.getId());
  }

  @Test
  @DisplayName("R34 a Renewal Manager's case with #advocate in its Subject is routed like any other")
  void renewalCaseWithAdvocateTagIsRouted() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("RENEWAL", "#advocate customer wants Ultimate"));

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
  }

  @Test
  @DisplayName("R34 a Renewal Manager's case closed in Salesforce without #advocate ends with the Renewals team")
  void renewalCaseClosedByTheRenewalManager() {
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("RENEWAL", "Autorenewal will fail"));

    runtimeService().createMessageCorrelation(SmbCase.CLOSED_IN_SALESFORCE_MESSAGE)
        .processInstanceBusinessKey(businessKey(instance)).correlate();

    assertThat(instance).isEnded().hasPassed("renewalsKeptCase").hasNotPassed(SmbCase.PICK_UP_TASK);
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("renewalEnd")
        .processInstanceId(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
            .processDefinitionKey("routeSmbCase").singleResult().getId()).count()).isOne();
  }

  /** {@code count} cases In Progress for {@code advocate}, without walking each through the model. */

}
