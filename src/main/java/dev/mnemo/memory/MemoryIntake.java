package dev.mnemo.memory;

import java.time.Instant;

/**
 * The write path: every candidate memory is judged, compared with what is already known, and then either
 * reinforces and merges with it, corrects it (keeping the old version in its history) or is added.
 */
public interface MemoryIntake {

    /**
     * Queues an exchange (the person's message {@code messageId} and the reply, null when no model answered)
     * for extraction after the reply. Call inside the transaction that stores the reply: the job commits with
     * it and survives a restart.
     */
    void enqueue(String userId, String messageId, String userText, String replyText);

    /** Stores what the person explicitly asked to be remembered, now. */
    default WriteOutcome remember(String userId, String text, String sourceMessageId) {
        return remember(userId, text, sourceMessageId, null);
    }

    /**
     * Stores what the person asked to be remembered as said at {@code saidAt} (null: now). Said before the memory it
     * would correct, it does not replace that: it is kept as its own memory, shown as the earlier one.
     */
    WriteOutcome remember(String userId, String text, String sourceMessageId, Instant saidAt);
}
