package dev.mnemo.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One request for a model reply.
 *
 * @param purpose         recorded in the cost ledger: the reply's route, or the background task's name
 * @param messageId       the message this serves (null for background work)
 * @param systemPrompt    instructions that stay the same from message to message (cached by providers that can)
 * @param turns           the conversation, oldest first, ending with the user's turn
 * @param tools           tools the model may call; empty for a plain reply
 * @param steps           the tool rounds so far in this reply, after the last turn
 * @param maxOutputTokens a cap for this reply; null for the configured maximum
 * @param cacheTurns      mark the earlier turns for the provider's prompt cache: worth it only when another
 *                        request with the same beginning is likely within {@link #CACHE_LIFETIME}, since writing
 *                        a cache entry costs more than plain input (Anthropic: 1.25x) and only reads save (0.1x)
 */
public record ModelRequest(String userId, String messageId, String purpose, ModelTier tier, String systemPrompt,
                           List<ChatTurn> turns, List<ToolDefinition> tools, List<ToolStep> steps,
                           Integer maxOutputTokens, boolean cacheTurns) {
    /** How long a provider keeps a prompt prefix cached after its last use (Anthropic's default). */
    public static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);
    /** The purposes that answer what the person just sent; every other one is background work. */
    private static final Set<String> REPLY_PURPOSES = Set.of("SIMPLE", "COMPLEX", "TOOL", "ROUTER");

    public ModelRequest {
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
        steps = List.copyOf(steps);
        if (turns.isEmpty() || turns.getLast().role() != ChatTurn.Role.USER) {
            throw new IllegalArgumentException("a model request needs turns that end with the user's");
        }
        if (!steps.isEmpty() && tools.isEmpty()) {
            throw new IllegalArgumentException("tool steps without tools");
        }
    }

    /** A plain reply: no tools, the configured output cap. */
    public ModelRequest(String userId, String messageId, String purpose, ModelTier tier, String systemPrompt,
                        List<ChatTurn> turns) {
        this(userId, messageId, purpose, tier, systemPrompt, turns, List.of(), List.of(), null, false);
    }

    /** Work the person did not just ask for (memory, check-ins): it stops once the month's budget is spent. */
    public boolean background() {
        return !REPLY_PURPOSES.contains(purpose);
    }

    /** The same request with one more tool round. */
    public ModelRequest withStep(ToolStep step) {
        List<ToolStep> more = new ArrayList<>(steps);
        more.add(step);
        return new ModelRequest(userId, messageId, purpose, tier, systemPrompt, turns, tools, more, maxOutputTokens, cacheTurns);
    }
}
