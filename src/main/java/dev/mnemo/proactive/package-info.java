/**
 * What Mnemo says first: due reminders sent through the person's channel, exactly once, and check-ins about plans
 * the person mentioned, and notices such as a memory changed on both sides of the vault. Its API is {@link dev.mnemo.proactive.ReminderDelivery} and {@link
 * dev.mnemo.proactive.CheckIns}.
 */
package dev.mnemo.proactive;
