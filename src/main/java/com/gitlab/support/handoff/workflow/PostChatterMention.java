package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.salesforce.ChatterMessage;
import com.gitlab.support.handoff.connector.salesforce.ChatterPost;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.listening.SalesThread;
import com.gitlab.support.handoff.listening.SalesThreads;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R9, R11, R13, R14: posts {@code chatterText} on the feed of {@code chatterSubjectId}, @mentioning
 * {@code chatterMentionIds}; sets {@code chatterPostId} and {@code chatterPostUrl}. With the input
 * {@code listenForReplies} true, the post's comments are read for Sales' answer afterwards (R39).
 */
@Component("postChatterMention")
public class PostChatterMention implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input CHATTER_MENTION_IDS = INPUTS.optional("chatterMentionIds");
  private static final Input CHATTER_SUBJECT_ID = INPUTS.optional("chatterSubjectId");
  private static final Input CHATTER_TEXT = INPUTS.required("chatterText");
  private static final Input LISTEN_FOR_REPLIES = INPUTS.optional("listenForReplies");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;
  private final SalesThreads threads;

  public PostChatterMention(SalesforceConnector salesforce, SideEffects sideEffects, SalesThreads threads) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
    this.threads = threads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> mentions = CHATTER_MENTION_IDS.list(execution);
    String subjectId = CHATTER_SUBJECT_ID.text(execution);
    ChatterMessage message = new ChatterMessage(
        subjectId != null ? subjectId : mentions.isEmpty() ? null : mentions.get(0),
        CHATTER_TEXT.text(execution),
        mentions);
    if (message.subjectId() == null) {
      throw new IllegalStateException("Task '" + execution.getCurrentActivityName()
          + "' has neither 'chatterSubjectId' nor 'chatterMentionIds': no feed to post on");
    }
    String target = String.join(",", mentions);
    Map<String, Object> post = sideEffects.once(execution, target, new SideEffect(
        key -> variablesOf(salesforce.postChatter(message, key)),
        (key, attemptedAt) -> salesforce.findChatterPost(message, key, attemptedAt).map(PostChatterMention::variablesOf),
        salesforce.longestCall()));
    if (Boolean.TRUE.equals(LISTEN_FOR_REPLIES.flag(execution)) && post.get("chatterPostId") != null) {
      threads.register(SideEffects.keyOf(execution, target), execution, new SalesThread(ExternalSystem.SALESFORCE,
          null, post.get("chatterPostId").toString(), (String) post.get("chatterPostUrl"), List.of(),
          ClockUtil.getCurrentTime().toInstant()));
    }
  }

  private static Map<String, Object> variablesOf(ChatterPost post) {
    return Variables.createVariables().putValue("chatterPostId", post.id()).putValue("chatterPostUrl", post.url());
  }
}
