package dev.mnemo.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.system.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code perMinute} sign-in attempts ({@code POST /login}, and the sign-in links' {@code POST /login/…}) per
 * client ({@link ClientKey}), before any password is looked at; past that the form comes back saying so. The
 * lock-outs per account are {@link WebAccounts}'. The buckets live in this process: with several instances each
 * allows as much.
 */
final class SignInThrottle extends OncePerRequestFilter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final int perMinute;
    private final ClockTimeMeter time;

    SignInThrottle(WebSignInProperties properties, Clock clock) {
        this.perMinute = properties.perMinute();
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !("POST".equals(request.getMethod()) && (path.equals("/login") || path.startsWith("/login/")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(ClientKey.of(request.getRemoteAddr()), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time).build());
        if (!bucket.tryConsume(1)) {
            response.setHeader("Retry-After", "60");
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
