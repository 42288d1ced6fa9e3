package dev.mnemo.proactive;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The check-ins sent, one row each, keyed by (person, local day, number): two instances or a restart cannot
 * send more than the day allows.
 */
@Repository
class CheckInLog {
    private final JdbcClient jdbc;

    CheckInLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int sentOn(String user, String localDay) {
        return jdbc.sql("SELECT COUNT(*) FROM checkins WHERE user_id = ? AND local_date = ?").params(user, localDay)
                .query(Integer.class).single();
    }

    Instant lastSent(String user) {
        return Instant.ofEpochMilli(jdbc.sql("SELECT COALESCE(MAX(sent_at), 0) FROM checkins WHERE user_id = ?")
                .param(user).query(Long.class).single());
    }

    /** The memories already asked about. */
    Set<String> askedAbout(String user) {
        return new HashSet<>(jdbc.sql("SELECT memory_id FROM checkins WHERE user_id = ? AND memory_id IS NOT NULL")
                .param(user).query(String.class).list());
    }

    /** Takes the day's {@code seq}-th check-in; false when another instance took it first. */
    boolean take(String user, String localDay, int seq, String memoryId, Instant at) {
        try {
            jdbc.sql("INSERT INTO checkins (user_id, local_date, seq, memory_id, sent_at) VALUES (?, ?, ?, ?, ?)")
                    .params(user, localDay, seq, memoryId, at.toEpochMilli()).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
