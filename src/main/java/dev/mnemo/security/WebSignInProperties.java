package dev.mnemo.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in to the web app.
 *
 * @param maxFailures    failed sign-ins in a row that lock an account ({@code ASSISTANT_WEB_SIGNIN_MAX_FAILURES})
 * @param lockout        how long it stays locked ({@code ASSISTANT_WEB_SIGNIN_LOCKOUT}); {@code user passwd} lifts it
 * @param perMinute      sign-in attempts one address may make per minute ({@code ASSISTANT_WEB_SIGNIN_PER_MINUTE})
 */
@ConfigurationProperties("assistant.web.sign-in")
record WebSignInProperties(int maxFailures, Duration lockout, int perMinute) {
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
    }
}
