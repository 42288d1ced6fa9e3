package dev.mnemo.reminder;

/** How a reminder repeats; a repeating one keeps its local wall-clock time (9:00 stays 9:00 across DST). */
public enum Recurrence {
    NONE, DAILY, WEEKLY, MONTHLY
}
