package dev.mnemo.agent;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.routing.Route;
import java.util.List;
import java.util.Objects;

/**
 * What an agent needs to answer one message.
 *
 * @param history   earlier turns of the conversation, oldest first, without the message being answered
 * @param hotThread the person's previous message took the same route within a prompt cache's lifetime
 *                  ({@link dev.mnemo.llm.ModelRequest#CACHE_LIFETIME}): the next one likely will too, so the
 *                  conversation so far is worth caching
 * @param size      the room the reply has on the channel it goes to
 */
public record AgentRequest(String userId, String messageId, Route route, List<ChatTurn> history, String text,
                           boolean hotThread, ReplySize size) {
    public AgentRequest {
        history = List.copyOf(history);
        Objects.requireNonNull(size, "size");
    }
}
