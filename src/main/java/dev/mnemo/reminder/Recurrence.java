package dev.mnemo.reminder;

import java.time.ZonedDateTime;

/** How a reminder repeats; a repeating one keeps its local wall-clock time (9:00 stays 9:00 across DST). */
public enum Recurrence {
    NONE, DAILY, WEEKLY, MONTHLY;

    /** The occurrence after this one, at the same local time. */
    public ZonedDateTime next(ZonedDateTime occurrence) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("a one-off reminder has no next occurrence");
            case DAILY -> occurrence.plusDays(1);
            case WEEKLY -> occurrence.plusWeeks(1);
            case MONTHLY -> occurrence.plusMonths(1);
        };
    }
}
