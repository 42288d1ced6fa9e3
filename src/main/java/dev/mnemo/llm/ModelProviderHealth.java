package dev.mnemo.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Can the configured model providers be reached? Any HTTP answer counts (no tokens are spent); a connection
 * failure or timeout does not. Checked at most every {@link #RECHECK}, not on every probe, and DEGRADED rather
 * than DOWN when a provider is unreachable: Mnemo still takes messages, runs commands and keeps what it could
 * not answer.
 */
@Component("modelProviderHealthIndicator")
class ModelProviderHealth implements HealthIndicator {
    static final Duration RECHECK = Duration.ofMinutes(5);
    static final Status DEGRADED = new Status("DEGRADED");
    /** No provider key or base URL: commands work, nothing is answered by a model. Not DOWN, but not UP either. */
    static final Status NOT_CONFIGURED = new Status("NOT_CONFIGURED",
            "no model provider is configured: commands only (set ANTHROPIC_API_KEY or OPENAI_API_KEY / OPENAI_BASE_URL)");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ProviderProperties providers;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Health cached;
    private volatile Instant checkedAt = Instant.MIN;

    ModelProviderHealth(ProviderProperties providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached == null || checkedAt.plus(RECHECK).isBefore(now)) {
            cached = check();
            checkedAt = now;
        }
        return cached;
    }

    private Health check() {
        Map<String, String> reachable = new LinkedHashMap<>();
        if (providers.configured(Provider.ANTHROPIC)) {
            reachable.put("anthropic", probe(ChatModelFactory.anthropicBaseUrl(providers.anthropic().baseUrl())));
        }
        if (providers.configured(Provider.OPENAI)) {
            reachable.put("openai", probe(providers.openai().hasBaseUrl() ? providers.openai().baseUrl() : "https://api.openai.com/v1"));
        }
        if (reachable.isEmpty()) {
            return Health.status(NOT_CONFIGURED).build();
        }
        boolean all = reachable.values().stream().allMatch("reachable"::equals);
        return Health.status(all ? Status.UP : DEGRADED).withDetails(reachable).build();
    }

    private String probe(String baseUrl) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(baseUrl)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            return "reachable";
        } catch (IOException | IllegalArgumentException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unreachable";
        }
    }
}
