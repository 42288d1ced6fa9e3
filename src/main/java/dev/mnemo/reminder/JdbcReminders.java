package dev.mnemo.reminder;

import dev.mnemo.system.Ids;
import dev.mnemo.system.StorableText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
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
        // NUL and lone surrogates become U+FFFD, as in every stored text: PostgreSQL refuses a NUL.
        String what = text == null ? "" : StorableText.of(text).strip();
        if (what.isEmpty() || what.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a reminder needs a text of 1 to " + MAX_TEXT + " characters");
        }
        if (!dueAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("that time has already passed");
        }
        if (sourceMessageId != null) {
            // The same message asking again (its late answer re-running the tool after a crash or the deadline)
            // gets the reminder it already has, not a second one.
            Optional<Reminder> same = jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE user_id = ? AND source_message_id = ?"
                            + " AND text = ? AND due_at = ? AND status = 'PENDING'")
                    .params(userId, sourceMessageId, what, dueAt.toEpochMilli()).query(JdbcReminders::reminder).optional();
            if (same.isPresent()) {
                return same.get();
            }
        }
        Reminder reminder = new Reminder(Ids.newId(clock), userId, what, dueAt, zone, recurrence, Reminder.Status.PENDING);
        jdbc.sql("""
                INSERT INTO reminders (id, user_id, text, due_at, time_zone, recurrence, status, created_at, updated_at,
                    source_message_id, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reminder.id(), userId, what, dueAt.toEpochMilli(), zone.getId(), recurrence.name(),
                        reminder.status().name(), clock.millis(), clock.millis(), sourceMessageId,
                        dueAt.atZone(zone).toLocalDateTime().toString())
                .update();
        return reminder;
    }

    @Override
    public List<Reminder> pending(String userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE user_id = ? AND status = 'PENDING' ORDER BY due_at, id LIMIT ?")
                .params(userId, limit).query(JdbcReminders::reminder).list();
    }

    @Override
    public List<Reminder> past(String userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE user_id = ? AND status NOT IN ('PENDING', 'SENDING') "
                        + "ORDER BY updated_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(JdbcReminders::reminder).list();
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
                UPDATE reminders SET due_at = ?, anchor = NULL, retry_at = NULL, updated_at = ?
                WHERE id = ? AND user_id = ? AND status = 'PENDING'""")
                .params(dueAt.toEpochMilli(), clock.millis(), reminderId, userId).update();
        return updated == 0 ? Optional.empty() : find(userId, reminderId);
    }

    @Override
    public Optional<Reminder> claimNext(Instant now) {
        // A few tries: another instance may win the row read here; then the next one is tried.
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Reminder> due = jdbc.sql("SELECT " + COLUMNS + """
                     FROM reminders WHERE status = 'PENDING' AND COALESCE(retry_at, due_at) <= ?
                    ORDER BY COALESCE(retry_at, due_at) LIMIT 1""")
                    .param(now.toEpochMilli()).query(JdbcReminders::reminder).optional();
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Reminder r = due.get();
            int won = jdbc.sql("UPDATE reminders SET status = 'SENDING', claimed_at = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'")
                    .params(clock.millis(), clock.millis(), r.id()).update();
            if (won == 1) {
                return Optional.of(new Reminder(r.id(), r.userId(), r.text(), r.dueAt(), r.timeZone(), r.recurrence(),
                        Reminder.Status.SENDING));
            }
        }
        return Optional.empty();
    }

    @Override
    public void delivered(Reminder reminder) {
        finish(reminder, Reminder.Status.SENT);
    }

    @Override
    public void deliveryFailed(Reminder reminder, Instant retryAt) {
        int attempts = jdbc.sql("SELECT attempts FROM reminders WHERE id = ?").param(reminder.id()).query(Integer.class).single() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            finish(reminder, Reminder.Status.FAILED);
            return;
        }
        jdbc.sql("""
                UPDATE reminders SET status = 'PENDING', attempts = ?, retry_at = ?, claimed_at = NULL, updated_at = ?
                WHERE id = ? AND status = 'SENDING'""")
                .params(attempts, retryAt.toEpochMilli(), clock.millis(), reminder.id()).update();
    }

    @Override
    public void deliveryUncertain(Reminder reminder) {
        finish(reminder, Reminder.Status.UNCERTAIN);
    }

    @Override
    public int abandonStaleClaims(Instant claimedBefore) {
        List<Reminder> stale = jdbc.sql("SELECT " + COLUMNS + " FROM reminders WHERE status = 'SENDING' AND claimed_at < ?")
                .param(claimedBefore.toEpochMilli()).query(JdbcReminders::reminder).list();
        stale.forEach(this::deliveryUncertain);
        return stale.size();
    }

    /** A one-off reminder ends in {@code outcome}; a repeating one is PENDING at its next occurrence. */
    private void finish(Reminder reminder, Reminder.Status outcome) {
        if (reminder.recurrence() == Recurrence.NONE) {
            jdbc.sql("UPDATE reminders SET status = ?, claimed_at = NULL, retry_at = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'")
                    .params(outcome.name(), clock.millis(), reminder.id()).update();
            return;
        }
        String anchor = jdbc.sql("SELECT anchor FROM reminders WHERE id = ?").param(reminder.id()).query(String.class).single();
        Instant next = nextOccurrence(anchor == null ? reminder.dueAt().atZone(reminder.timeZone()).toLocalDateTime()
                : LocalDateTime.parse(anchor), reminder, clock.instant());
        jdbc.sql("""
                UPDATE reminders SET status = 'PENDING', due_at = ?, attempts = 0, retry_at = NULL, claimed_at = NULL,
                    updated_at = ? WHERE id = ? AND status = 'SENDING'""")
                .params(next.toEpochMilli(), clock.millis(), reminder.id()).update();
    }

    /**
     * The first occurrence after both the one just handled and now, counted from the first occurrence's local
     * date and time, so that "monthly on the 31st" comes back to the 31st and "daily at 9:00" stays 9:00.
     */
    static Instant nextOccurrence(LocalDateTime anchor, Reminder reminder, Instant now) {
        Instant after = reminder.dueAt().isAfter(now) ? reminder.dueAt() : now;
        for (long n = 1; ; n++) {
            LocalDateTime local = switch (reminder.recurrence()) {
                case DAILY -> anchor.plusDays(n);
                case WEEKLY -> anchor.plusWeeks(n);
                case MONTHLY -> anchor.plusMonths(n);
                case NONE -> throw new IllegalStateException("a one-off reminder has no next occurrence");
            };
            Instant at = local.atZone(reminder.timeZone()).toInstant();
            if (at.isAfter(after)) {
                return at;
            }
        }
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
