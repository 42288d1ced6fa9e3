package dev.mnemo.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in to the web app, and how long a session lasts.
 *
 * @param maxFailures    failed sign-ins in a row to one account from one client that lock it for that client, ten
 *                       times as many from anywhere for everyone ({@code ASSISTANT_WEB_SIGNIN_MAX_FAILURES})
 * @param lockout        how long a lock-out lasts ({@code ASSISTANT_WEB_SIGNIN_LOCKOUT}); {@code user passwd} lifts it
 * @param perMinute      sign-in attempts one client may make per minute ({@code ASSISTANT_WEB_SIGNIN_PER_MINUTE})
 * @param sessionMaxAge  how long a session lasts at most, however busy ({@code ASSISTANT_WEB_SESSION_MAX_AGE})
 * @param baseUrl        the address people open the web app at, for the sign-in links sent to them
 *                       ({@code ASSISTANT_WEB_BASE_URL}); blank: no links are sent (a link built from the request's
 *                       Host header could point anywhere)
 */
@ConfigurationProperties("assistant.web.sign-in")
record WebSignInProperties(int maxFailures, Duration lockout, int perMinute, Duration sessionMaxAge, String baseUrl) {
    WebSignInProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("ASSISTANT_WEB_SIGNIN_MAX_FAILURES must be 1 or more");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("ASSISTANT_WEB_SIGNIN_LOCKOUT must be positive (e.g. 15m)");
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("ASSISTANT_WEB_SIGNIN_PER_MINUTE must be 1 or more");
        }
        if (sessionMaxAge.isNegative() || sessionMaxAge.isZero()) {
            throw new IllegalArgumentException("ASSISTANT_WEB_SESSION_MAX_AGE must be positive (e.g. 7d)");
        }
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("ASSISTANT_WEB_BASE_URL must be an http(s) address like https://mnemo.example.org");
        }
    }
}
