package dev.mnemo.routing;

/** A route and the reason it was chosen, stored with the message so routing can be audited. */
public record RouteDecision(Route route, String reason) {
}
