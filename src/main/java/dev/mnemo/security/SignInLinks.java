package dev.mnemo.security;

import dev.mnemo.system.Hashes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One-time sign-in links: a secret good for one sign-in within {@link #VALID}, kept here only as its SHA-256, at most
 * one issued per person per {@link #EVERY} and {@link #PER_DAY} a day (so a stranger asking again and again cannot
 * flood their phone). A new password voids the links still out.
 */
@Component
public class SignInLinks {
    public static final Duration VALID = Duration.ofMinutes(15);
    static final Duration EVERY = Duration.ofMinutes(1);
    static final Duration DAY = Duration.ofDays(1);
    /** Links one person may be sent a day: a stranger asking for the owner's cannot run up their SMS bill. */
    static final int PER_DAY = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebSessions sessions;
    private final WebSignInProperties properties;

    SignInLinks(JdbcClient jdbc, Clock clock, WebSessions sessions, WebSignInProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessions = sessions;
        this.properties = properties;
    }

    /** Whether links can be sent: {@code ASSISTANT_WEB_BASE_URL} says where they lead. */
    public boolean on() {
        return !properties.baseUrl().isEmpty();
    }

    /** The address a link's secret is opened at. */
    public String url(String secret) {
        return properties.baseUrl() + "/login/link/" + secret;
    }

    /**
     * A new link's secret for the person; empty when links are off, one was issued to them this minute (requests
     * made at once included), or {@link #PER_DAY} in the last day.
     */
    public Optional<String> issue(String userId) {
        long now = clock.millis();
        if (!on()) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM sign_in_links WHERE expires_at < ? AND created_at < ?").params(now, now - DAY.toMillis()).update();
        if (jdbc.sql("SELECT COUNT(*) FROM sign_in_links WHERE user_id = ? AND created_at > ?")
                .params(userId, now - DAY.toMillis()).query(Long.class).single() >= PER_DAY) {
            return Optional.empty();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        int issued = jdbc.sql("INSERT INTO sign_in_links (token_hash, user_id, slot, created_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, slot) DO NOTHING")
                .params(Hashes.sha256Hex(secret), userId, now / EVERY.toMillis(), now, now + VALID.toMillis()).update();
        return issued == 1 ? Optional.of(secret) : Optional.empty();
    }

    /** Whose unused, unexpired link this is (without using it up: a link preview must not spend it). */
    public Optional<String> peek(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM sign_in_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Hashes.sha256Hex(secret), clock.millis()).query(String.class).optional();
    }

    /** Uses the link up: the signed-in person, once; empty when it is unknown, used or expired. */
    public Optional<Authentication> redeem(String secret) {
        Optional<String> user = peek(secret);
        if (user.isEmpty() || jdbc.sql("UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(clock.millis(), Hashes.sha256Hex(secret), clock.millis()).update() != 1) {
            return Optional.empty();
        }
        return Optional.of(sessions.signedInByLink(user.get()));
    }

    private static boolean wellFormed(String secret) {
        return secret != null && secret.length() == 43 && secret.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
