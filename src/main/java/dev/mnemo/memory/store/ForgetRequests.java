package dev.mnemo.memory.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's pending /forget: which memories it listed, until when a confirmation deletes them. */
@Repository
public class ForgetRequests {
    /** How long a /forget waits for its confirmation. */
    public static final Duration CONFIRMATION = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    public ForgetRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the person's pending request; it waits {@link #CONFIRMATION} for a confirmation. */
    public void save(String userId, List<String> ids) {
        long expiresAt = clock.millis() + CONFIRMATION.toMillis();
        jdbc.sql("INSERT INTO memory_forget_requests (user_id, memory_ids, expires_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET memory_ids = excluded.memory_ids, expires_at = excluded.expires_at")
                .params(userId, String.join(",", ids), expiresAt).update();
    }

    /** Takes (and removes) the pending request if it has not expired. */
    public List<String> take(String userId) {
        long now = clock.millis();
        List<String> ids = jdbc.sql("SELECT memory_ids FROM memory_forget_requests WHERE user_id = ? AND expires_at >= ?")
                .params(userId, now).query(String.class).optional()
                .map(s -> s.isEmpty() ? List.<String>of() : Arrays.asList(s.split(","))).orElse(List.of());
        jdbc.sql("DELETE FROM memory_forget_requests WHERE user_id = ?").param(userId).update();
        return ids;
    }
}
