package com.gitlab.support.handoff.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * {@code handoff.sla.breaches} (tags {@code sla}, {@code process}): each time an SLA is missed
 * ({@link SlaBreach}), counted when the transaction that took the breach's sequence flow commits, so a
 * job that fails after the breach and is retried counts once, and a rolled-back one not at all.
 * A parse listener adds the counting listener to those flows of every deployed version, so no diagram
 * names it. Counters are per node (each counts the breaches its job executor handled): sum them over
 * the nodes ({@code sum(increase(handoff_sla_breaches_total[1h]))}).
 */
@Component
public class SlaBreachCounter extends AbstractProcessEnginePlugin {

  public static final String METER = "handoff.sla.breaches";

  private final Map<SlaBreach, Counter> counters = new EnumMap<>(SlaBreach.class);

  public SlaBreachCounter(MeterRegistry registry) {
    for (SlaBreach breach : SlaBreach.values()) {
      counters.put(breach, Counter.builder(METER)
          .description("SLA breaches: the moments a handbook deadline was missed")
          .tag("sla", breach.tag()).tag("process", breach.processKey())
          .register(registry));
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new CountBreaches());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Breaches counted on this node since it started. */
  public long count(SlaBreach breach) {
    return (long) counters.get(breach).count();
  }

  private final class CountBreaches extends AbstractBpmnParseListener {

    @Override
    public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
      String processKey = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
      SlaBreach.at(processKey, transition.getId()).ifPresent(breach ->
          transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> countOnCommit(breach)));
    }
  }

  private void countOnCommit(SlaBreach breach) {
    CommandContext command = Context.getCommandContext();
    Counter counter = counters.get(breach);
    if (command == null) {
      counter.increment();
      return;
    }
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> counter.increment());
  }
}
