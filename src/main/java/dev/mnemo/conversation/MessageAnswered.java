package dev.mnemo.conversation;

import dev.mnemo.routing.Route;

/**
 * A message went through the loop: its channel and route, and whether it was kept unanswered because no model
 * could reply (it waits for a late answer). Metrics listen to it.
 */
public record MessageAnswered(String userId, String messageId, Channel channel, Route route, boolean modelUnavailable) {
}
