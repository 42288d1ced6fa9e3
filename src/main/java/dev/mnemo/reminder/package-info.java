/**
 * A person's reminders, stored so that a restart loses none, with the parser of "tomorrow 9am". Its API is the
 * {@link dev.mnemo.reminder.Reminders} port with {@link dev.mnemo.reminder.Reminder}, {@link
 * dev.mnemo.reminder.Recurrence} and {@link dev.mnemo.reminder.ReminderTimes}; the JDBC adapter is
 * package-private.
 */
package dev.mnemo.reminder;
