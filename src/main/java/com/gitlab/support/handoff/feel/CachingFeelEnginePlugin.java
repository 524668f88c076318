package com.gitlab.support.handoff.feel;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decision tables the {@link CachingFeelEngine}. Custom FEEL functions registered
 * with the engine still apply: the engine is created when the DMN engine is built, with the function
 * providers configured by then. Off with {@code handoff.feel.cache-parsed-expressions=false}.
 */
@Component
@ConditionalOnProperty(prefix = "handoff.feel", name = "cache-parsed-expressions", matchIfMissing = true)
public class CachingFeelEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    DefaultDmnEngineConfiguration built = dmn;
    dmn.setFeelEngineFactory(() -> new CachingFeelEngine(built.getFeelCustomFunctionProviders()));
  }
}
