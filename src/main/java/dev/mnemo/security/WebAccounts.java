package dev.mnemo.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's password for the web app, set from the machine Mnemo runs on ({@code user add NAME}, {@code user passwd
 * NAME}): kept only as its bcrypt hash. Changing a password also lifts a lock-out.
 */
@Component
public class WebAccounts {
    /** bcrypt reads at most 72 bytes: a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_CHARS = 8;
    static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(12);

    private final JdbcClient jdbc;
    private final Clock clock;

    WebAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the outcome of {@link #add} or {@link #changePassword} is what was asked for. */
    public enum Outcome { DONE, ALREADY_EXISTS, NO_SUCH_ACCOUNT }

    /**
     * @throws IllegalArgumentException for a malformed user id or a password too short, too long or with line breaks
     */
    public Outcome add(String userId, char[] password) {
        String user = validUser(userId);
        String hash = hash(password);
        if (exists(user)) {
            return Outcome.ALREADY_EXISTS;
        }
        long now = clock.millis();
        jdbc.sql("INSERT INTO web_accounts (user_id, password_hash, failed_attempts, created_at, updated_at) VALUES (?, ?, 0, ?, ?)")
                .params(user, hash, now, now).update();
        return Outcome.DONE;
    }

    /** @throws IllegalArgumentException as {@link #add} */
    public Outcome changePassword(String userId, char[] password) {
        String user = validUser(userId);
        String hash = hash(password);
        int updated = jdbc.sql("UPDATE web_accounts SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
                        + "updated_at = ? WHERE user_id = ?")
                .params(hash, clock.millis(), user).update();
        return updated == 1 ? Outcome.DONE : Outcome.NO_SUCH_ACCOUNT;
    }

    public boolean exists(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM web_accounts WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    /** Whether anyone can sign in to the web app yet. */
    public boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM web_accounts").query(Long.class).single() > 0;
    }

    /** What sign-in needs to know about an account. */
    record Account(String userId, String passwordHash, int failedAttempts, Optional<Long> lockedUntil) {
    }

    Optional<Account> find(String userId) {
        return jdbc.sql("SELECT user_id, password_hash, failed_attempts, locked_until FROM web_accounts WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getInt(3),
                        Optional.ofNullable((Number) rs.getObject(4)).map(Number::longValue)))
                .optional();
    }

    /** Counts a failed sign-in; at {@code maxFailures} the account is locked until {@code lockedUntil}. */
    void failed(String userId, int maxFailures, long lockedUntil) {
        jdbc.sql("UPDATE web_accounts SET failed_attempts = failed_attempts + 1, "
                        + "locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END WHERE user_id = ?")
                .params(maxFailures, lockedUntil, userId).update();
    }

    void succeeded(String userId) {
        jdbc.sql("UPDATE web_accounts SET failed_attempts = 0, locked_until = NULL WHERE user_id = ? AND failed_attempts > 0")
                .param(userId).update();
    }

    /** A lock-out that has run out starts a fresh count. */
    void unlockExpired(String userId, long now) {
        jdbc.sql("UPDATE web_accounts SET failed_attempts = 0, locked_until = NULL WHERE user_id = ? AND locked_until <= ?")
                .params(userId, now).update();
    }

    private static String validUser(String userId) {
        try {
            return Caller.validUserId(userId == null ? "" : userId.strip());
        } catch (ResponseStatusException e) {
            throw new IllegalArgumentException(e.getReason());
        }
    }

    private static String hash(char[] password) {
        String text = new String(password);
        try {
            if (text.codePointCount(0, text.length()) < MIN_PASSWORD_CHARS) {
                throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_CHARS + " characters");
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
                throw new IllegalArgumentException("the password must be at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no more)");
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the password must not contain line breaks or control characters");
            }
            return ENCODER.encode(text);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
