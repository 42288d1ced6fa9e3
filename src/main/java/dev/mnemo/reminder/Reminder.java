package dev.mnemo.reminder;

import java.time.Instant;
import java.time.ZoneId;

/** Something to tell a person at a time: once, or again every day, week or month at the same local time. */
public record Reminder(String id, String userId, String text, Instant dueAt, ZoneId timeZone, Recurrence recurrence,
                       Status status) {

    public enum Status { PENDING, SENT, CANCELLED }
}
