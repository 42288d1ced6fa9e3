package dev.mnemo.channel.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.system.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Per-sender token buckets (bucket4j): a burst allowance per minute and a daily one. Over the limit, the
 * sender gets one polite notice per minute and nothing else: a flood costs neither model calls nor SMS.
 * Buckets live in this process; with several instances each enforces its own.
 */
@Component
class SenderRateLimiter {
    enum Decision { ALLOWED, LIMITED_NOTIFY, LIMITED_SILENT }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).maximumSize(100_000).build();
    private final Cache<String, Boolean> notified;
    private final ChannelProperties.RateLimit limit;
    private final TimeMeter time;

    SenderRateLimiter(ChannelProperties properties, Clock clock) {
        this.limit = properties.rateLimit();
        this.time = new ClockTimeMeter(clock);
        this.notified = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    Decision check(String sender) {
        Bucket bucket = buckets.get(sender, s -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.perMinute()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(limit.perDay()).refillGreedy(limit.perDay(), Duration.ofDays(1)).build())
                .withCustomTimePrecision(time)
                .build());
        if (bucket.tryConsume(1)) {
            return Decision.ALLOWED;
        }
        return notified.asMap().putIfAbsent(sender, Boolean.TRUE) == null ? Decision.LIMITED_NOTIFY : Decision.LIMITED_SILENT;
    }
}
