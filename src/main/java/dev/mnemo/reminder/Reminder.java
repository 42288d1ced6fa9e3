package dev.mnemo.reminder;

import java.time.Instant;
import java.time.ZoneId;

/** Something to tell a person at a time: once, or again every day, week or month at the same local time. */
public record Reminder(String id, String userId, String text, Instant dueAt, ZoneId timeZone, Recurrence recurrence,
                       Status status) {

    /**
     * PENDING until due; SENDING while one instance delivers it; then SENT (a repeating one goes back to PENDING
     * at its next time). FAILED after repeated refusals by the channel; UNCERTAIN when a crash interrupted
     * delivery, so it may or may not have gone out (never resent: a reminder is sent at most once).
     */
    public enum Status { PENDING, SENDING, SENT, CANCELLED, FAILED, UNCERTAIN }
}
