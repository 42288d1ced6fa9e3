package dev.mnemo.conversation;

/**
 * The conversation loop every channel shares: store the inbound message, route it, answer it (a command, a
 * model, or a plain notice when no model can answer), store the reply, return it.
 * <p>
 * The inbound message is committed before any model is called and stays {@code UNANSWERED} until a model's
 * reply is stored with it, so neither a crash nor a provider outage loses it.
 */
public interface Conversation {

    /** @throws MessageTooLongException when the text is over {@link #maxMessageChars()} */
    Reply handle(InboundMessage message);

    int maxMessageChars();

    /** When the person last wrote, on any channel. */
    java.util.Optional<java.time.Instant> lastHeardFrom(String userId);

    /** The channel the person last wrote from (the HTTP API aside). */
    java.util.Optional<Channel> lastChannel(String userId);
}
