package dev.mnemo.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversation loop every channel shares: store the inbound message, route it, answer it (a command, a
 * model, or a plain notice when no model can answer), store the reply, return it.
 * <p>
 * The inbound message is committed before any model is called and stays {@code UNANSWERED} until a model's
 * reply is stored with it, so neither a crash nor a provider outage loses it.
 */
public interface Conversation {

    /** {@link #receive} and {@link #answer} in one go. */
    default Reply handle(InboundMessage message) {
        return answer(receive(message), message);
    }

    /**
     * Stores the message, committed and {@code UNANSWERED}, and returns its id: from here on it is answered, now
     * or late, whatever happens to this process. A channel that must acknowledge its provider quickly stores
     * first, acknowledges, then answers.
     *
     * @throws MessageTooLongException when the text is over {@link #maxMessageChars()}
     */
    String receive(InboundMessage message);

    /** Routes and answers a message {@link #receive received} before, and stores the reply. */
    Reply answer(String messageId, InboundMessage message);

    int maxMessageChars();

    /** When the person last wrote, on any channel. */
    Optional<Instant> lastHeardFrom(String userId);

    /**
     * The person's conversation on every channel: the last {@code limit} messages before {@code beforeId} (null: the
     * newest), oldest first.
     */
    List<TranscriptLine> transcript(String userId, String beforeId, int limit);

    /** What was stored after {@code afterId} (replies, late answers), oldest first, at most {@code limit}. */
    List<TranscriptLine> transcriptAfter(String userId, String afterId, int limit);

    /** The channel the person last wrote from (the HTTP API aside). */
    Optional<Channel> lastChannel(String userId);
}
