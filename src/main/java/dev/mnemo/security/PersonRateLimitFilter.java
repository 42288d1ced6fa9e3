package dev.mnemo.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.system.ClockTimeMeter;
import dev.mnemo.system.JsonErrors;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket (bucket4j) per person over the HTTP API: past the limit, a JSON 429 with {@code Retry-After} and
 * nothing done. Runs after authentication, so it knows whose request it is; the admin token is not limited.
 * Buckets live in this process; with several instances each enforces its own.
 */
class PersonRateLimitFilter extends OncePerRequestFilter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();
    private static final String INBOX = "/api/v1/inbox/";
    private final int perMinute;
    private final TimeMeter time;

    PersonRateLimitFilter(ApiProperties properties, Clock clock) {
        this.perMinute = properties.requestsPerMinute();
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perMinute == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller && !caller.isAdmin()) {
            // Each open chat polls the inbox: those polls have a bucket of their own, so that they never use up
            // what the person has for their messages.
            String key = caller.userId().orElseThrow() + (request.getServletPath().startsWith(INBOX) ? " inbox" : "");
            Bucket bucket = buckets.get(key, user -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .withCustomTimePrecision(time)
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                response.setHeader("Retry-After", Long.toString(seconds));
                JsonErrors.write(response, 429, "too many requests: at most " + perMinute
                        + " a minute with a person's token; try again in " + seconds + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
