package dev.mnemo.agent;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.RecalledMemory;
import dev.mnemo.routing.Route;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The simple agent (cheap model, short answers) and the complex one (smart model, room to think). */
@Component
class ConversationalAgents implements Agents {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConversationalAgents.class);
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final LanguageModels models;
    private final Prompts prompts;
    private final Clock clock;
    private final MemoryRecall memory;
    private final int recallLimit;

    ConversationalAgents(LanguageModels models, Prompts prompts, Clock clock, MemoryRecall memory,
                         MemoryProperties memoryProperties) {
        this.models = models;
        this.prompts = prompts;
        this.clock = clock;
        this.memory = memory;
        this.recallLimit = memoryProperties.recallLimit();
    }

    @Override
    public ModelReply answer(AgentRequest request) {
        if (request.route() == Route.COMMAND) {
            throw new IllegalArgumentException("commands are answered without a model");
        }
        ModelTier tier = request.route() == Route.SIMPLE ? ModelTier.CHEAP : ModelTier.SMART;
        String system = prompts.render("system", Map.of(
                "user", request.userId(),
                "now", NOW.format(clock.instant().atZone(ZoneOffset.UTC)),
                "memories", memoryBlock(request.userId(), request.text()),
                "route_guidance", prompts.render(tier == ModelTier.CHEAP ? "route-simple" : "route-complex", Map.of())));
        List<ChatTurn> turns = new ArrayList<>(request.history());
        turns.add(ChatTurn.user(request.text()));
        return models.chat(new ModelRequest(request.userId(), request.messageId(), request.route().name(), tier,
                system, alternating(turns)));
    }

    /** A failing memory must not cost the person their reply: they get one without recalled memories. */
    private String memoryBlock(String userId, String text) {
        List<RecalledMemory> recalled;
        try {
            recalled = memory.recall(userId, text, recallLimit);
        } catch (RuntimeException e) {
            log.error("Recalling memories for user {} failed; answering without them", userId, e);
            recalled = List.of();
        }
        if (recalled.isEmpty()) {
            return "You don't remember anything relevant about them yet.";
        }
        StringBuilder block = new StringBuilder("What you remember about them that may be relevant (most relevant first):");
        for (RecalledMemory r : recalled) {
            block.append("\n- ").append(r.memory().text());
        }
        return block.toString();
    }

    /**
     * Providers want turns that alternate and start with the user: merge runs of one role (an unanswered
     * message followed by another) and drop assistant turns before the first user turn.
     */
    static List<ChatTurn> alternating(List<ChatTurn> turns) {
        List<ChatTurn> result = new ArrayList<>();
        for (ChatTurn turn : turns) {
            if (result.isEmpty() && turn.role() == ChatTurn.Role.ASSISTANT) {
                continue;
            }
            if (!result.isEmpty() && result.getLast().role() == turn.role()) {
                ChatTurn previous = result.removeLast();
                result.add(new ChatTurn(turn.role(), previous.text() + "\n\n" + turn.text()));
            } else {
                result.add(turn);
            }
        }
        return result;
    }
}
