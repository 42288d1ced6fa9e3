package dev.mnemo.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's password for the web app, set from the machine Mnemo runs on ({@code user add NAME}, {@code user passwd
 * NAME}): kept only as its bcrypt hash. Every check of it counts: {@code maxFailures} wrong ones in a row from one
 * client ({@link ClientKey}) lock the account for that client, ten times as many from anywhere lock it for everyone,
 * each for the lock-out's length; an attempt is counted before the password is compared, so attempts made in
 * parallel cannot slip past the count. Changing a password lifts every lock-out, voids the sign-in links still out
 * and ends the sessions signed in with the old one.
 */
@Component
public class WebAccounts {
    /** bcrypt reads at most 72 bytes: a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_CHARS = 8;
    static final int ACCOUNT_FACTOR = 10;
    static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(12);
    /**
     * Compared against when the name is unknown or locked: a bcrypt hash of nothing anyone can type, made on the
     * first sign-in rather than at start-up (a quarter of a second of bcrypt).
     */
    private static final class Nobody {
        static final String HASH = ENCODER.encode("\0no account\0");
    }

    /** At most this many bcrypt comparisons at once (about one core each for a quarter of a second). */
    static final int CONCURRENT_CHECKS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Semaphore BCRYPT = new Semaphore(CONCURRENT_CHECKS);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebSignInProperties properties;

    WebAccounts(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, WebSignInProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
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
        // Strictly later than before, so that a session signed in with the old password is told apart.
        long now = Math.max(clock.millis(), passwordSetAt(user).orElse(0L) + 1);
        int updated = jdbc.sql("UPDATE web_accounts SET password_hash = ?, failed_attempts = 0, failed_at = NULL, "
                        + "locked_until = NULL, updated_at = ? WHERE user_id = ?")
                .params(hash, now, user).update();
        jdbc.sql("DELETE FROM web_signin_failures WHERE user_id = ?").param(user).update();
        jdbc.sql("DELETE FROM sign_in_links WHERE user_id = ?").param(user).update();
        return updated == 1 ? Outcome.DONE : Outcome.NO_SUCH_ACCOUNT;
    }

    public boolean exists(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM web_accounts WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    /** Whether anyone can sign in to the web app yet. */
    public boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM web_accounts").query(Long.class).single() > 0;
    }

    /** When the account's password was set; a session from before then is over. */
    Optional<Long> passwordSetAt(String userId) {
        return jdbc.sql("SELECT updated_at FROM web_accounts WHERE user_id = ?").param(userId).query(Long.class).optional();
    }

    /** Too many passwords are being checked at once (bcrypt is slow on purpose): the caller should say "try again". */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins at once: try again in a moment", null, false, false);
        }
    }

    /**
     * When the password of the account {@code password} opens was set — the session's stamp — or empty for a wrong
     * one, an unknown name and a locked account alike, in about the same time (one bcrypt comparison each).
     * Counted against {@code remoteAddress}.
     *
     * @throws Busy when {@link #CONCURRENT_CHECKS} checks are running already
     */
    public Optional<Long> check(String userId, String password, String remoteAddress) {
        // An empty password would skip bcrypt (Spring's encoder answers false at once): it must cost the same.
        String given = password == null || password.isEmpty() || password.length() > 200 ? "\0" : password;
        if (!BCRYPT.tryAcquire()) {
            throw new Busy();
        }
        try {
            if (userId == null || userId.isEmpty() || userId.length() > Caller.MAX_USER_ID
                    || userId.chars().anyMatch(Character::isISOControl)) {
                ENCODER.matches(given, Nobody.HASH);
                return Optional.empty();
            }
            record Stored(String hash, long setAt) {
            }
            Optional<Stored> stored = jdbc.sql("SELECT password_hash, updated_at FROM web_accounts WHERE user_id = ?")
                    .param(userId).query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2))).optional();
            String client = ClientKey.of(remoteAddress);
            if (stored.isEmpty() || !takeAttempt(userId, client)) {
                ENCODER.matches(given, Nobody.HASH);
                return Optional.empty();
            }
            if (!ENCODER.matches(given, stored.get().hash())) {
                return Optional.empty();
            }
            jdbc.sql("UPDATE web_accounts SET failed_attempts = 0, failed_at = NULL, locked_until = NULL WHERE user_id = ?")
                    .param(userId).update();
            jdbc.sql("DELETE FROM web_signin_failures WHERE user_id = ? AND client = ?").params(userId, client).update();
            return Optional.of(stored.get().setAt());
        } finally {
            BCRYPT.release();
        }
    }

    /**
     * Counts an attempt for the client and for the account, in one transaction, unless either is locked or at its
     * limit; the attempt that reaches a limit sets its lock-out in the same statement. Counts older than the
     * lock-out's length, and lock-outs that have run out, start again from nothing.
     */
    private boolean takeAttempt(String userId, String client) {
        long now = clock.millis();
        long lockout = properties.lockout().toMillis();
        int perClient = properties.maxFailures();
        int perAccount = perClient * ACCOUNT_FACTOR;
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.sql("UPDATE web_accounts SET failed_attempts = 0, failed_at = NULL, locked_until = NULL WHERE user_id = ? "
                    + "AND (locked_until <= ? OR (locked_until IS NULL AND failed_at < ?))").params(userId, now, now - lockout).update();
            jdbc.sql("DELETE FROM web_signin_failures WHERE user_id = ? AND client = ? "
                    + "AND (locked_until <= ? OR (locked_until IS NULL AND updated_at < ?))").params(userId, client, now, now - lockout).update();
            jdbc.sql("INSERT INTO web_signin_failures (user_id, client, failed_attempts, updated_at) VALUES (?, ?, 0, ?) "
                    + "ON CONFLICT (user_id, client) DO NOTHING").params(userId, client, now).update();
            boolean clientMay = jdbc.sql("UPDATE web_signin_failures SET failed_attempts = failed_attempts + 1, updated_at = ?, "
                            + "locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE NULL END "
                            + "WHERE user_id = ? AND client = ? AND locked_until IS NULL AND failed_attempts < ?")
                    .params(now, perClient, now + lockout, userId, client, perClient).update() == 1;
            boolean accountMay = clientMay && jdbc.sql("UPDATE web_accounts SET failed_attempts = failed_attempts + 1, failed_at = ?, "
                            + "locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE NULL END "
                            + "WHERE user_id = ? AND locked_until IS NULL AND failed_attempts < ?")
                    .params(now, perAccount, now + lockout, userId, perAccount).update() == 1;
            if (clientMay && !accountMay) {
                status.setRollbackOnly(); // the account is locked: this attempt does not count against the client
            }
            return accountMay;
        }));
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
