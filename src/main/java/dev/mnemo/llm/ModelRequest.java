package dev.mnemo.llm;

import java.util.List;

/**
 * One request for a model reply.
 *
 * @param purpose   recorded in the cost ledger: the reply's route, or the background task's name
 * @param messageId the message this serves (null for background work)
 * @param turns     the conversation, oldest first, ending with the user's turn
 */
public record ModelRequest(String userId, String messageId, String purpose, ModelTier tier, String systemPrompt,
                           List<ChatTurn> turns) {
    public ModelRequest {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a model request needs at least one turn");
        }
    }
}
