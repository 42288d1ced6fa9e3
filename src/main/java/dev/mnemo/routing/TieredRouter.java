package dev.mnemo.routing;

import dev.mnemo.system.Hashes;
import dev.mnemo.system.SharedCache;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Local rules first (free); only when they are unsure, the cheap model, whose answer is cached by normalised
 * text so the same question is never classified twice. Without a model, the rules' guess stands.
 */
@Component
class TieredRouter implements Router {
    private static final Logger log = LoggerFactory.getLogger(TieredRouter.class);
    private final LocalRules rules = new LocalRules();
    private final ModelClassifier classifier;
    private final SharedCache cache;
    private final RoutingProperties properties;
    private final Clock clock;

    TieredRouter(ModelClassifier classifier, SharedCache cache, RoutingProperties properties, Clock clock) {
        this.classifier = classifier;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RouteDecision route(RouteRequest request) {
        boolean followUp = request.previousAt() != null
                && !request.previousAt().isBefore(clock.instant().minus(properties.followUpWindow()));
        LocalRules.Verdict verdict = rules.judge(request.text(), followUp ? request.previousRoute() : null);
        if (verdict.sure() || !properties.modelClassifier() || !classifier.available()) {
            return new RouteDecision(verdict.route(), verdict.reason() + (verdict.sure() ? "" : " (rules unsure)"));
        }
        String key = "route:v1:" + Hashes.sha256Hex(normalise(request.text()));
        try {
            Optional<Route> cached = cache.get(key).map(bytes -> Route.valueOf(new String(bytes, StandardCharsets.UTF_8)));
            if (cached.isPresent()) {
                return new RouteDecision(cached.get(), "model (cached); rules unsure: " + verdict.reason());
            }
            ModelClassifier.Outcome outcome = classifier.classify(request);
            if (outcome.route() == null) {
                return new RouteDecision(verdict.route(), verdict.reason() + " (rules unsure, " + outcome.failure() + ")");
            }
            cache.put(key, outcome.route().name().getBytes(StandardCharsets.UTF_8), properties.cacheTtl());
            return new RouteDecision(outcome.route(), "model; rules unsure: " + verdict.reason());
        } catch (RuntimeException e) {
            // The rules' guess is a fine answer; a broken cache must not cost the person their reply.
            log.error("Routing by model failed; using the local rules' guess", e);
            return new RouteDecision(verdict.route(), verdict.reason() + " (rules unsure, routing by model failed)");
        }
    }

    /** Case, spacing and trailing punctuation don't change what a message asks. */
    static String normalise(String text) {
        String normal = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int end = normal.length();
        while (end > 0 && (Character.isWhitespace(normal.charAt(end - 1)) || isPunctuation(normal.charAt(end - 1)))) {
            end--;
        }
        return normal.substring(0, end);
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }
}
