package dev.mnemo.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A person's reminders, stored so that a restart loses none. Only ever touches the given user's rows. */
public interface Reminders {
    int MAX_TEXT = 500;

    /**
     * @throws IllegalArgumentException when the text is blank or longer than {@link #MAX_TEXT}, or the time has passed
     */
    Reminder schedule(String userId, String text, Instant dueAt, ZoneId zone, Recurrence recurrence,
                      String sourceMessageId);

    /** Pending reminders, soonest first. */
    List<Reminder> pending(String userId);

    /** Cancels a pending reminder; empty when the person has no pending reminder with that id. */
    Optional<Reminder> cancel(String userId, String reminderId);

    /** Moves a pending reminder; empty when the person has no pending reminder with that id. */
    Optional<Reminder> reschedule(String userId, String reminderId, Instant dueAt);

    /**
     * Due pending reminders (any user), each claimed for the caller alone (PENDING → SENDING in one conditional
     * update), so that with several instances every reminder is delivered by exactly one.
     */
    List<Reminder> claimDue(Instant now, int limit);

    /** Delivered: a one-off one is SENT; a repeating one is PENDING again at its next occurrence after now. */
    void delivered(Reminder reminder);

    /** The channel refused it: PENDING again at {@code retryAt}, or FAILED after {@link #MAX_ATTEMPTS}. */
    void deliveryFailed(Reminder reminder, Instant retryAt);

    int MAX_ATTEMPTS = 5;

    /**
     * Claims older than {@code claimedBefore} were cut short by a crash: they become UNCERTAIN and are never
     * sent again (at most once). Returns how many.
     */
    int abandonStaleClaims(Instant claimedBefore);
}
