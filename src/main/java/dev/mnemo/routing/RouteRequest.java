package dev.mnemo.routing;

import java.time.Instant;

/**
 * A message to route.
 *
 * @param messageId     the stored message (a model classification is billed to it)
 * @param previousRoute the route of the person's previous message, or null: within the follow-up window,
 *                      "and what about the second option?" is complex only after a complex answer
 * @param previousAt    when that previous message came (null with it)
 */
public record RouteRequest(String userId, String messageId, String text, Route previousRoute, Instant previousAt) {

    /** A message routed on its own, as if nothing came before it. */
    public static RouteRequest alone(String userId, String messageId, String text) {
        return new RouteRequest(userId, messageId, text, null, null);
    }
}
