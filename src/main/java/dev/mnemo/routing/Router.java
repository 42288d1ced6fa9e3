package dev.mnemo.routing;

/** Decides how a message is answered. Never calls a model for a slash command. */
public interface Router {
    RouteDecision route(RouteRequest request);
}
