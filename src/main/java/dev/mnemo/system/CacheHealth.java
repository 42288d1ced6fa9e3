package dev.mnemo.system;

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

    @Override
    public Health health() {
        try {
            cache.get("health:probe");
            return Health.up().withDetail("kind", cache.kind()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("kind", cache.kind()).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
