package dev.mnemo.conversation;

import dev.mnemo.llm.ModelReply;
import dev.mnemo.routing.RouteDecision;

/** A message's route, and the model's answer when the route called for one and it came in time. */
record Routed(RouteDecision decision, ModelReply answer) {
}
