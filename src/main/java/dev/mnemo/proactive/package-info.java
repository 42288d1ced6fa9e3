/**
 * What Mnemo says first: due reminders sent through the person's channel, exactly once, and check-ins about plans
 * the person mentioned. Its API is {@link dev.mnemo.proactive.ReminderDelivery} and {@link
 * dev.mnemo.proactive.CheckIns}.
 */
package dev.mnemo.proactive;
