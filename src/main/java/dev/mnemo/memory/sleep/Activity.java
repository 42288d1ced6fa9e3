package dev.mnemo.memory.sleep;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each user was last active and last consolidated; claims a consolidation so one instance runs it. */
@Repository
public class Activity {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Activity(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void touch(String userId) {
        jdbc.sql("INSERT INTO memory_activity (user_id, last_active_at) VALUES (?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET last_active_at = excluded.last_active_at")
                .params(userId, clock.millis()).update();
    }

    /** Users active since their last consolidation and idle for at least {@code idleMillis}. */
    List<String> idleSinceLastSleep(long idleMillis) {
        return jdbc.sql("""
                SELECT user_id FROM memory_activity
                WHERE last_active_at <= ? AND (last_sleep_at IS NULL OR last_sleep_at < last_active_at)
                ORDER BY user_id""")
                .param(clock.millis() - idleMillis).query(String.class).list();
    }

    List<String> everyone() {
        return jdbc.sql("SELECT user_id FROM memory_activity ORDER BY user_id").query(String.class).list();
    }

    /** Claims an idle user's consolidation: of several instances, exactly one wins. */
    boolean claimIdle(String userId) {
        return jdbc.sql("UPDATE memory_activity SET last_sleep_at = ? WHERE user_id = ? AND (last_sleep_at IS NULL OR last_sleep_at < last_active_at)")
                .params(clock.millis(), userId).update() == 1;
    }

    /** Claims the nightly consolidation of a user not consolidated since {@code since}. */
    boolean claimSince(String userId, long since) {
        return jdbc.sql("UPDATE memory_activity SET last_sleep_at = ? WHERE user_id = ? AND (last_sleep_at IS NULL OR last_sleep_at < ?)")
                .params(clock.millis(), userId, since).update() == 1;
    }
}
