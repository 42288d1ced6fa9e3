package dev.mnemo.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The shared cache answers: Redis when {@code REDIS_URL} is set (DOWN if it does not), else in process. */
@Component("cacheHealthIndicator")
class CacheHealth implements HealthIndicator {
    private final SharedCache cache;

    CacheHealth(SharedCache cache) {
        this.cache = cache;
    }

    /** A probe must answer quickly: a Redis that does not answer within this is DOWN. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Override
    public Health health() {
        var probe = CompletableFuture.runAsync(() -> cache.get("health:probe"),
                command -> Thread.ofVirtual().start(command));
        try {
            probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("kind", cache.kind()).build();
        } catch (TimeoutException e) {
            probe.cancel(true);
            return Health.down().withDetail("kind", cache.kind()).withDetail("error", "no answer within " + TIMEOUT.toSeconds() + " s").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("kind", cache.kind()).withDetail("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("kind", cache.kind()).build();
        }
    }
}
