package dev.mnemo.reminder;

/**
 * How a reminder repeats. Occurrences are counted from the first one's local date and time in the person's zone
 * (9:00 stays 9:00 across DST; monthly on the 31st comes back to the 31st where the month has one).
 */
public enum Recurrence {
    NONE, DAILY, WEEKLY, MONTHLY
}
