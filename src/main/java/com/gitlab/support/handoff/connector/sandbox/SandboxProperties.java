package com.gitlab.support.handoff.connector.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code handoff.sandbox.data}: the CRM file the sandbox answers look-ups from.
 *
 * @param data the sandbox CRM file (YAML: users, groups, accounts, territories) that answers Salesforce
 *     look-ups while Salesforce is a sandbox; default the shipped demo data
 */
@ConfigurationProperties("handoff.sandbox")
public record SandboxProperties(@DefaultValue("classpath:sandbox/demo-crm.yaml") Resource data) {}
