package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R35, R36: questions on Chatter and emails on the case's thread reach the case's owner. */
class SmbCaseMessagesTest extends SmbCaseTestCase {

  private void ask(ProcessInstance instance, String from, String question) {
    runtimeService().createMessageCorrelation(SmbCase.QUESTION_MESSAGE).processInstanceBusinessKey(businessKey(instance))
        .setVariable("questionFrom", from).setVariable("questionText", question).correlate();
    runAsyncSteps(instance);
  }

  private void email(ProcessInstance instance, String subject, String body) {
    runtimeService().createMessageCorrelation(SmbCase.EMAIL_MESSAGE).processInstanceBusinessKey(businessKey(instance))
        .setVariable("emailFrom", "jane@tinytools.io").setVariable("emailSubject", subject).setVariable("emailBody", body)
        .correlate();
    runAsyncSteps(instance);
  }

  @Test
  @DisplayName("R35 a question on the case's Chatter is the advocate's task, due within one business day")
  void questionIsAnsweredWithinOneBusinessDay() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);

    ask(instance, "Sam Support", "Has the customer been contacted yet?");

    ProcessInstance question = calledBy(instance, SmbCase.QUESTION_PROCESS_KEY);
    assertThat(question.getBusinessKey()).isEqualTo(businessKey(instance));
    Task answer = task(instance, "answerQuestion");
    assertThat(answer.getProcessInstanceId()).isEqualTo(question.getId());
    assertThat(answer.getName()).isEqualTo("Answer Sam Support's question on case " + businessKey(instance));
    assertThat(answer.getAssignee()).isEqualTo(advocateOf(instance));
    assertThat(candidateGroupsOf(answer)).containsExactly((String) variable(instance, "caseGroup"));
    assertThat(answer.getDueDate()).isEqualTo(Date.from(MONDAY_15_00));
    assertThat(taskService().getVariable(answer.getId(), "question")).isEqualTo("Has the customer been contacted yet?");
    assertFormFindsItsVariables(answer);
    complete(instance, answer, Map.of("questionAnswered", true));
    assertThat(question).hasPassed("questionAnswered").isEnded();
    assertThat(instance).hasPassed("handleQuestion", "questionDone").isWaitingAt("attemptingContact");
  }

  @Test
  @DisplayName("R35 a question unanswered after one business day Chatters the ASM, once per question")
  void unansweredQuestionsEscalate() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ask(instance, "Sam Support", "Any news?");
    ask(instance, "Pat Partner", "Who owns this?");

    List<ProcessInstance> questions = allCalledBy(instance, SmbCase.QUESTION_PROCESS_KEY);
    assertThat(questions).hasSize(2);
    List<Job> overdue = questions.stream().flatMap(question -> processEngine.getManagementService().createJobQuery()
        .processInstanceId(question.getId()).activityId("answerOverdue").list().stream()).toList();
    assertThat(overdue).hasSize(2).allSatisfy(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(MONDAY_15_00)));
    fire(instance, "answerOverdue");
    fire(instance, "answerOverdue");

    assertThat(outbox(instance, "CHATTER_POST")).hasSize(2)
        .allSatisfy(post -> assertThat(post.text()).contains("has waited 1 business day for an answer"));
  }

  @Test
  @DisplayName("R36 a new email on the thread of an open case notifies its owner")
  void emailOnOpenCaseNotifiesTheOwner() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);

    email(instance, "Re: Need 5 more seats", "Make it 6, please");

    ProcessInstance email = calledBy(instance, SmbCase.EMAIL_PROCESS_KEY);
    assertThat(email.getBusinessKey()).isEqualTo(businessKey(instance));
    Task read = task(instance, "readCustomerEmail");
    assertThat(read.getProcessInstanceId()).isEqualTo(email.getId());
    assertThat(read.getName()).isEqualTo("New email from jane@tinytools.io on case " + businessKey(instance));
    assertThat(read.getAssignee()).isEqualTo(advocateOf(instance));
    assertThat(candidateGroupsOf(read)).containsExactly((String) variable(instance, "caseGroup"));
    assertFormFindsItsVariables(read);
    complete(instance, read, Map.of("openNewCase", false));
    assertThat(email).hasPassed("emailRead").isEnded();
    assertThat(instance).hasPassed("handleEmail", "emailDone");
  }

  @Test
  @DisplayName("R36 a new email on a closed case still reaches its owner, who opens a new case for the request and keeps it")
  void emailOnClosedCaseOpensANewCase() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    String advocate = advocateOf(instance);
    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA"));

    email(instance, "Re: Need 5 more seats", "Now we would like Ultimate");
    Task read = task(instance, "readCustomerEmail");
    assertThat(read.getAssignee()).isEqualTo(advocate);
    complete(instance, read, Map.of("openNewCase", true));

    String followUpKey = (String) variable(instance, "followUpCaseKey");
    ProcessInstance followUp = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(followUpKey)
        .processDefinitionKey(SmbCase.PROCESS_KEY).singleResult();
    runAsyncSteps(followUp);
    assertThat(followUp).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(task(followUp, SmbCase.PICK_UP_TASK).getAssignee()).isEqualTo(advocate);
    assertThat(task(followUp, SmbCase.PICK_UP_TASK).getName()).endsWith(": Re: Need 5 more seats");
    assertThat(instance).isWaitingAt("lateEmailWindow");
  }

  @Test
  @DisplayName("R36 a closed case waits 60 business days for late emails, then ends")
  void closedCaseEndsAfterTheLateEmailWindow() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.DUPLICATE, FRIDAY).resolved("No Action Required", "NA"));

    assertThat(timer(instance, "lateEmailWindow").getDuedate()).isEqualTo(at("2027-02-19T15:00:00Z"));
    fire(instance, "lateEmailWindow");

    assertThat(instance).isEnded();
  }
}
