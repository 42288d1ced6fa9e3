package dev.mnemo.memory.write;

import dev.mnemo.system.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable queue of exchanges waiting for memory extraction. */
@Repository
public class MemoryJobs {
    /**
     * A claim is a lease: the instance working on a job renews it every {@link #RENEW_EVERY}; one not renewed for
     * this long was abandoned (its instance died) and may be claimed again.
     */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(45);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    static final int MAX_ATTEMPTS = 5;
    /** A burst waits for the person's pause at most this long after its first message. */
    static final Duration LONGEST_BURST = Duration.ofMinutes(30);
    private static final String JOB_COLUMNS = "id, user_id, message_id, user_text, reply_text, attempts, stage, created_at";
    private static final RowMapper<Job> JOB_ROW = (rs, n) -> new Job(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getInt(6), Stage.valueOf(rs.getString(7)), rs.getLong(8));

    private final JdbcClient jdbc;
    private final Clock clock;

    public MemoryJobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a job is: just enqueued (read offline at once), or waiting with its burst for the model. */
    public enum Stage { NEW, BURST }

    public record Job(String id, String userId, String messageId, String userText, String replyText, int attempts,
                      Stage stage, long createdAt) {
    }

    /** Queues the exchange; a burst waiting for the model waits on, since the person has not paused yet. */
    public void enqueue(String userId, String messageId, String userText, String replyText, Duration burstPause) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO memory_jobs (id, user_id, message_id, user_text, reply_text, status, attempts, run_after,
                    created_at, stage)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 'NEW')""")
                .params(Ids.newId(clock), userId, messageId, userText, replyText, now, now).update();
        extendBurst(userId, now + burstPause.toMillis(), now);
    }

    /** The burst waits on, unless it began {@link #LONGEST_BURST} ago: someone who never pauses is read in parts. */
    private void extendBurst(String userId, long runAfter, long now) {
        jdbc.sql("""
                UPDATE memory_jobs SET run_after = ?
                WHERE user_id = ? AND stage = 'BURST' AND status = 'PENDING' AND run_after < ? AND created_at > ?""")
                .params(runAfter, userId, runAfter, now - LONGEST_BURST.toMillis()).update();
    }

    public List<Job> due(int limit) {
        long now = clock.millis();
        return jdbc.sql("""
                SELECT %s FROM memory_jobs
                WHERE (status = 'PENDING' AND run_after <= ?) OR (status = 'RUNNING' AND claimed_at < ?)
                ORDER BY created_at, id LIMIT ?""".formatted(JOB_COLUMNS))
                .params(now, now - ABANDONED_AFTER.toMillis(), limit)
                .query(JOB_ROW)
                .list();
    }

    /** The rest of this user's burst that is due too, oldest first: read by the model in the same call. */
    public List<Job> dueBurstOf(String userId, int limit) {
        long now = clock.millis();
        return jdbc.sql("""
                SELECT %s FROM memory_jobs
                WHERE user_id = ? AND stage = 'BURST'
                  AND ((status = 'PENDING' AND run_after <= ?) OR (status = 'RUNNING' AND claimed_at < ?))
                ORDER BY created_at, id LIMIT ?""".formatted(JOB_COLUMNS))
                .params(userId, now, now - ABANDONED_AFTER.toMillis(), limit)
                .query(JOB_ROW)
                .list();
    }

    /**
     * The offline reading is stored: the job waits for the model until the person pauses, as long as the rest of
     * their burst. Released with its attempts unchanged, since this stage succeeded.
     */
    public void awaitBurst(Job job, Duration burstPause) {
        long runAfter = clock.millis() + burstPause.toMillis();
        jdbc.sql("""
                UPDATE memory_jobs SET stage = 'BURST', status = 'PENDING', attempts = ?, run_after = ?, claimed_at = NULL
                WHERE id = ? AND attempts = ?""")
                .params(job.attempts(), runAfter, job.id(), job.attempts() + 1).update();
        extendBurst(job.userId(), runAfter, clock.millis());
    }

    /**
     * True when this caller won the job (another instance may have claimed it first). A job that went on to wait for
     * its burst is not due: a stale list of another instance cannot claim it again.
     */
    public boolean claim(Job job) {
        long now = clock.millis();
        return jdbc.sql("""
                UPDATE memory_jobs SET status = 'RUNNING', claimed_at = ?, attempts = attempts + 1
                WHERE id = ? AND attempts = ? AND stage = ?
                  AND ((status = 'PENDING' AND run_after <= ?) OR (status = 'RUNNING' AND claimed_at < ?))""")
                .params(now, job.id(), job.attempts(), job.stage().name(), now, now - ABANDONED_AFTER.toMillis()).update() == 1;
    }

    /**
     * Renews the lease on a job this instance is working on; false when another instance has taken it over (the
     * attempt count, raised by every claim, tells whose claim it is).
     */
    public boolean renew(Job job) {
        return jdbc.sql("UPDATE memory_jobs SET claimed_at = ? WHERE id = ? AND status = 'RUNNING' AND attempts = ?")
                .params(clock.millis(), job.id(), job.attempts() + 1).update() == 1;
    }

    public boolean exists(Job job) {
        return jdbc.sql("SELECT COUNT(*) FROM memory_jobs WHERE id = ?").param(job.id()).query(Long.class).single() > 0;
    }

    /** Failed jobs quote the person's message: kept for a while to diagnose, then dropped. */
    public int purgeFailed(Duration olderThan) {
        return jdbc.sql("DELETE FROM memory_jobs WHERE status = 'FAILED' AND created_at < ?")
                .param(clock.millis() - olderThan.toMillis()).update();
    }

    /** Removes a finished job, unless another instance took it over meanwhile (then that one finishes it). */
    public void done(Job job) {
        jdbc.sql("DELETE FROM memory_jobs WHERE id = ? AND attempts = ?").params(job.id(), job.attempts() + 1).update();
    }

    /** Retries later with backoff, or gives up after {@link #MAX_ATTEMPTS}. */
    public void failed(Job job, String error) {
        int attempts = job.attempts() + 1;
        String status = attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        long retryAt = clock.millis() + Duration.ofMinutes(1).toMillis() * (1L << Math.min(attempts, 10));
        jdbc.sql("UPDATE memory_jobs SET status = ?, run_after = ?, last_error = ? WHERE id = ? AND attempts = ?")
                .params(status, retryAt, error.length() > 300 ? error.substring(0, 300) : error, job.id(), attempts).update();
    }

    /** Drops queued work that quotes these messages (they were forgotten). */
    public void forgetMessages(List<String> messageIds) {
        for (String id : messageIds) {
            jdbc.sql("DELETE FROM memory_jobs WHERE message_id = ?").param(id).update();
        }
    }

    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM memory_jobs WHERE status <> 'FAILED'").query(Long.class).single();
    }
}
