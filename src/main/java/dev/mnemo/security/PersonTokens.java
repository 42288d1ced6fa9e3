package dev.mnemo.security;

import dev.mnemo.system.Hashes;
import dev.mnemo.system.Ids;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * One bearer token per person and device ({@code token create --user alice --name laptop}): shown once when created,
 * stored only as its SHA-256, revoked by id. A token reaches only its person's data; revocation takes effect on the
 * next request, on every instance.
 */
@Component
public class PersonTokens {
    static final String PREFIX = "mnemo_";
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token just created: {@code secret} exists only here and in what the person copies. */
    public record IssuedToken(String id, String userId, String name, String secret) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", userId=" + userId + ", name=" + name + "]";
        }
    }

    /** What is kept about a token: never the token itself. */
    public record TokenInfo(String id, String userId, String name, Instant createdAt, Optional<Instant> lastUsedAt,
                            Optional<Instant> revokedAt) {
    }

    /** @throws IllegalArgumentException for a malformed user id or name */
    public IssuedToken create(String userId, String name) {
        String user = checked(() -> Caller.validUserId(userId == null ? "" : userId.strip()));
        String label = name == null || name.isBlank() ? "default" : name.strip();
        if (label.length() > 64 || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the token name must be 1 to 64 printable characters");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = Ids.newId(clock);
        jdbc.sql("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, user, label, Hashes.sha256Hex(secret), clock.millis()).update();
        return new IssuedToken(id, user, label, secret);
    }

    /** Every token, or one person's, oldest first, revoked ones included. */
    public List<TokenInfo> list(String userId) {
        String where = userId == null || userId.isBlank() ? "" : " WHERE user_id = :user";
        var sql = jdbc.sql("SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens" + where
                + " ORDER BY created_at, id");
        if (!where.isEmpty()) {
            sql = sql.param("user", userId.strip());
        }
        return sql.query(PersonTokens::info).list();
    }

    private static TokenInfo info(ResultSet rs, int row) throws SQLException {
        return new TokenInfo(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs.getObject("last_used_at")),
                instant(rs.getObject("revoked_at")));
    }

    /** A person's live tokens, oldest first. */
    public List<TokenInfo> active(String userId) {
        return jdbc.sql("SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens "
                        + "WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at, id LIMIT 100")
                .param(userId).query(PersonTokens::info).list();
    }

    /** Revokes a token by id (or a unique prefix of it); false when no live token matches. */
    public boolean revoke(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.isBlank()) {
            return false;
        }
        List<String> ids = jdbc.sql("SELECT id FROM api_tokens WHERE revoked_at IS NULL AND id LIKE ? ESCAPE '\\'")
                .param(idOrPrefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(String.class).list();
        if (ids.size() != 1) {
            return false;
        }
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(clock.millis(), ids.getFirst()).update() == 1;
    }

    /** Revokes one of the person's own live tokens by its id; false when they have no such token. */
    public boolean revoke(String userId, String id) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(clock.millis(), id, userId).update() == 1;
    }

    /** The person a presented token belongs to, when it is one of theirs and not revoked. */
    Optional<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        record Row(String id, String userId) {
        }
        Optional<Row> row = jdbc.sql("SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
                .param(Hashes.sha256Hex(presented))
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("user_id"))).optional();
        row.ifPresent(found -> {
            long now = clock.millis();
            jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                    .params(now, found.id(), now - TOUCH_EVERY.toMillis()).update();
        });
        return row.map(found -> Caller.person(found.userId(), found.id()));
    }

    private static Optional<Instant> instant(Object millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
    }

    private static String checked(Supplier<String> validation) {
        try {
            return validation.get();
        } catch (ResponseStatusException e) {
            throw new IllegalArgumentException(e.getReason());
        }
    }
}
