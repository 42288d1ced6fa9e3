package dev.mnemo.routing;

/**
 * A message to route.
 *
 * @param messageId     the stored message (a model classification is billed to it)
 * @param previousRoute the route of the person's previous message when it came within the follow-up window,
 *                      else null: "and what about the second option?" is complex only after a complex answer
 */
public record RouteRequest(String userId, String messageId, String text, Route previousRoute) {
}
