package dev.mnemo.agent;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.routing.Route;
import java.util.List;

/**
 * What an agent needs to answer one message.
 *
 * @param history earlier turns of the conversation, oldest first, without the message being answered
 */
public record AgentRequest(String userId, String messageId, Route route, List<ChatTurn> history, String text) {
    public AgentRequest {
        history = List.copyOf(history);
    }
}
