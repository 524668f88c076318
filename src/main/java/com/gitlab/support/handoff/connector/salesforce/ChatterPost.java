package com.gitlab.support.handoff.connector.salesforce;

/** The feed element Chatter created: its id and the link an engineer can open. */
public record ChatterPost(String id, String url) {}
