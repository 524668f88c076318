package com.gitlab.support.handoff.listening;

import java.time.Instant;

/**
 * An answer found on one of a handoff's threads (R39).
 *
 * @param key what tells it apart from every other reply of the handoff ({@code chatter:<comment id>},
 *     {@code slack:<channel>:<ts>})
 * @param via "Chatter" or "Slack"
 * @param from who wrote it (a display name, else the user id)
 * @param text what they wrote
 * @param url a link to the thread, or a description of where it is
 */
public record SalesReply(String key, String via, String from, String text, String url, Instant at) {}
