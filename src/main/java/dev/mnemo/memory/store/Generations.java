package dev.mnemo.memory.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One counter per user, bumped in the transaction of every change to what the user's indexes hold, so every
 * instance notices a change it did not make (its in-memory index is then reloaded).
 */
@Repository
public class Generations {
    private final JdbcClient jdbc;

    public Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current(String userId) {
        return jdbc.sql("SELECT generation FROM memory_generations WHERE user_id = ?").param(userId)
                .query(Long.class).optional().orElse(0L);
    }

    long bump(String userId) {
        jdbc.sql("INSERT INTO memory_generations (user_id, generation) VALUES (?, 1) "
                        + "ON CONFLICT (user_id) DO UPDATE SET generation = memory_generations.generation + 1")
                .param(userId).update();
        return current(userId);
    }
}
