package com.gitlab.support.handoff.variables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/**
 * Lets string variables be as long as the API accepts (a 4,000-character summary inside a Chatter text,
 * a 32,000-character case description): registers {@link LongStringSerializer} before Camunda's own
 * serializers, where the engine asks it first about every string it stores.
 */
@Component
public class LongStringsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(0, new LongStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }
}
