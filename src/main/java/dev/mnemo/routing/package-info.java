/**
 * Which route a message takes (command, simple, complex, tool): local rules first, the cheap model only when they
 * are unsure. Its API is {@link dev.mnemo.routing.Router} with {@link dev.mnemo.routing.Route}, {@link
 * dev.mnemo.routing.RouteRequest} and {@link dev.mnemo.routing.RouteDecision}.
 */
package dev.mnemo.routing;
