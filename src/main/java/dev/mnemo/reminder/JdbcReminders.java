package dev.mnemo.reminder;

import dev.mnemo.system.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReminders implements Reminders {
    private static final String COLUMNS = "id, user_id, text, due_at, time_zone, recurrence, status";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcReminders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Reminder schedule(String userId, String text, Instant dueAt, ZoneId zone, Recurrence recurrence,
                             String sourceMessageId) {
        String what = text == null ? "" : text.strip();
        if (what.isEmpty() || what.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a reminder needs a text of 1 to " + MAX_TEXT + " characters");
        }
        if (!dueAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("that time has already passed");
        }
        Reminder reminder = new Reminder(Ids.newId(clock), userId, what, dueAt, zone, recurrence, Reminder.Status.PENDING);
        jdbc.sql("""
                INSERT INTO reminders (id, user_id, text, due_at, time_zone, recurrence, status, created_at, updated_at,
                    source_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reminder.id(), userId, what, dueAt.toEpochMilli(), zone.getId(), recurrence.name(),
                        reminder.status().name(), clock.millis(), clock.millis(), sourceMessageId)
                .update();
        return reminder;
    }

    @Override
    public List<Reminder> pending(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE user_id = ? AND status = 'PENDING' ORDER BY due_at")
                .param(userId).query(JdbcReminders::reminder).list();
    }

    @Override
    public Optional<Reminder> cancel(String userId, String reminderId) {
        int updated = jdbc.sql("""
                UPDATE reminders SET status = 'CANCELLED', updated_at = ?
                WHERE id = ? AND user_id = ? AND status = 'PENDING'""")
                .params(clock.millis(), reminderId, userId).update();
        return updated == 0 ? Optional.empty() : find(userId, reminderId);
    }

    @Override
    public Optional<Reminder> reschedule(String userId, String reminderId, Instant dueAt) {
        if (!dueAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("that time has already passed");
        }
        int updated = jdbc.sql("""
                UPDATE reminders SET due_at = ?, updated_at = ?
                WHERE id = ? AND user_id = ? AND status = 'PENDING'""")
                .params(dueAt.toEpochMilli(), clock.millis(), reminderId, userId).update();
        return updated == 0 ? Optional.empty() : find(userId, reminderId);
    }

    @Override
    public List<Reminder> claimDue(Instant now, int limit) {
        List<Reminder> due = jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE status = 'PENDING' AND due_at <= ? ORDER BY due_at LIMIT ?")
                .params(now.toEpochMilli(), limit).query(JdbcReminders::reminder).list();
        List<Reminder> claimed = new java.util.ArrayList<>();
        for (Reminder reminder : due) {
            // Conditional on the status and time read: another instance that got there first makes this a no-op.
            int won = jdbc.sql("""
                    UPDATE reminders SET status = 'SENDING', claimed_at = ?, updated_at = ?
                    WHERE id = ? AND status = 'PENDING' AND due_at = ?""")
                    .params(clock.millis(), clock.millis(), reminder.id(), reminder.dueAt().toEpochMilli()).update();
            if (won == 1) {
                claimed.add(new Reminder(reminder.id(), reminder.userId(), reminder.text(), reminder.dueAt(),
                        reminder.timeZone(), reminder.recurrence(), Reminder.Status.SENDING));
            }
        }
        return claimed;
    }

    @Override
    public void delivered(Reminder reminder) {
        if (reminder.recurrence() == Recurrence.NONE) {
            jdbc.sql("UPDATE reminders SET status = 'SENT', claimed_at = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'")
                    .params(clock.millis(), reminder.id()).update();
            return;
        }
        java.time.ZonedDateTime next = reminder.dueAt().atZone(reminder.timeZone());
        do {
            next = reminder.recurrence().next(next);
        } while (!next.toInstant().isAfter(clock.instant()));
        jdbc.sql("""
                UPDATE reminders SET status = 'PENDING', due_at = ?, attempts = 0, claimed_at = NULL, updated_at = ?
                WHERE id = ? AND status = 'SENDING'""")
                .params(next.toInstant().toEpochMilli(), clock.millis(), reminder.id()).update();
    }

    @Override
    public void deliveryFailed(Reminder reminder, Instant retryAt) {
        jdbc.sql("""
                UPDATE reminders SET attempts = attempts + 1, claimed_at = NULL, updated_at = ?,
                    status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
                    due_at = CASE WHEN attempts + 1 >= ? THEN due_at ELSE ? END
                WHERE id = ? AND status = 'SENDING'""")
                .params(clock.millis(), MAX_ATTEMPTS, MAX_ATTEMPTS, retryAt.toEpochMilli(), reminder.id()).update();
    }

    @Override
    public int abandonStaleClaims(Instant claimedBefore) {
        return jdbc.sql("UPDATE reminders SET status = 'UNCERTAIN', updated_at = ? WHERE status = 'SENDING' AND claimed_at < ?")
                .params(clock.millis(), claimedBefore.toEpochMilli()).update();
    }

    private Optional<Reminder> find(String userId, String reminderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE id = ? AND user_id = ?")
                .params(reminderId, userId).query(JdbcReminders::reminder).optional();
    }

    private static Reminder reminder(ResultSet rs, int row) throws SQLException {
        return new Reminder(rs.getString("id"), rs.getString("user_id"), rs.getString("text"),
                Instant.ofEpochMilli(rs.getLong("due_at")), ZoneId.of(rs.getString("time_zone")),
                Recurrence.valueOf(rs.getString("recurrence")), Reminder.Status.valueOf(rs.getString("status")));
    }
}
