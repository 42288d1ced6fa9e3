package dev.mnemo.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param modelClassifier ask the cheap model when the local rules are unsure ({@code ASSISTANT_ROUTER_MODEL})
 * @param followUpWindow  how recent the previous message must be for this one to count as its follow-up
 * @param cacheTtl        how long a model classification is reused for the same (normalised) text
 */
@ConfigurationProperties("assistant.routing")
public record RoutingProperties(boolean modelClassifier, Duration followUpWindow, Duration cacheTtl) {
}
