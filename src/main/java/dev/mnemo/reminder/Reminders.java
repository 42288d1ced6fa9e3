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
    default List<Reminder> pending(String userId) {
        return pending(userId, Integer.MAX_VALUE);
    }

    /** The {@code limit} soonest pending reminders. */
    List<Reminder> pending(String userId, int limit);

    /** The person's reminders no longer pending (sent, cancelled, failed, uncertain), most recently changed first. */
    List<Reminder> past(String userId, int limit);

    /** Cancels a pending reminder; empty when the person has no pending reminder with that id. */
    Optional<Reminder> cancel(String userId, String reminderId);

    /** Moves a pending reminder; empty when the person has no pending reminder with that id. */
    Optional<Reminder> reschedule(String userId, String reminderId, Instant dueAt);

    /**
     * The next due pending reminder (any user), claimed for the caller alone (PENDING → SENDING in one
     * conditional update), so that with several instances every reminder is delivered by exactly one. Claim one
     * just before sending it: a claim is a promise to send now.
     */
    Optional<Reminder> claimNext(Instant now);

    /** Delivered: a one-off one is SENT; a repeating one is PENDING again at its next occurrence. */
    void delivered(Reminder reminder);

    /**
     * The channel refused it, certainly without sending: retried at {@code retryAt} (its occurrence unchanged),
     * until {@link #MAX_ATTEMPTS}; then a one-off one is FAILED and a repeating one skips to its next occurrence.
     */
    void deliveryFailed(Reminder reminder, Instant retryAt);

    /**
     * It may or may not have gone out (a timeout, a crash): never sent again — a one-off one becomes UNCERTAIN,
     * a repeating one moves on to its next occurrence.
     */
    void deliveryUncertain(Reminder reminder);

    int MAX_ATTEMPTS = 5;

    /** Claims older than {@code claimedBefore} were cut short by a crash: {@link #deliveryUncertain}. Returns how many. */
    int abandonStaleClaims(Instant claimedBefore);
}
