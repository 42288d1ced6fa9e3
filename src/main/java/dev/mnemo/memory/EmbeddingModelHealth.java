package dev.mnemo.memory;

import dev.mnemo.memory.embedding.Embedder;
import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The embedding model in {@code /actuator/health}: up while it loads (start-up does not wait for it) and once
 * loaded, down when it failed to load, since then no memory can be stored or recalled.
 */
@Component("embeddingModel")
class EmbeddingModelHealth implements HealthIndicator {
    private final Embedder embedder;

    EmbeddingModelHealth(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Health health() {
        Embedder.State state = embedder.state();
        return (state == Embedder.State.FAILED ? Health.down() : Health.up())
                .withDetail("model", embedder.modelId()).withDetail("state", state.name().toLowerCase(Locale.ROOT)).build();
    }
}
