package dev.mnemo.agent;

import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.Prompts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The simple agent (cheap model, short answers), the complex one (room to think; the smart model for the work that
 * needs it, see {@link SmartWork}) and the tool agent, picked by the route, each sized for the channel.
 */
@Component
class RoutedAgents implements Agents {
    private final LanguageModels models;
    private final PromptContext context;
    private final ToolAgent tools;
    private final AgentProperties properties;
    private final Prompts prompts;

    RoutedAgents(LanguageModels models, PromptContext context, ToolAgent tools, AgentProperties properties,
                 Prompts prompts) {
        this.models = models;
        this.context = context;
        this.tools = tools;
        this.properties = properties;
        this.prompts = prompts;
    }

    @Override
    public ModelReply answer(AgentRequest request) {
        return switch (request.route()) {
            case COMMAND -> throw new IllegalArgumentException("commands are answered without a model");
            case SIMPLE -> {
                ReplyRoom.Room room = ReplyRoom.of(request, properties.simpleMaxTokens(), properties, prompts);
                yield models.chat(new ModelRequest(request.userId(), request.messageId(), "SIMPLE", ModelTier.CHEAP,
                        context.systemPrompt(request.userId(), "route-simple", false),
                        context.turns(request, properties.simpleHistoryTurns(), room),
                        List.of(), List.of(), room.maxTokens(),
                        // Its last few turns change with every exchange: nothing to reuse.
                        false));
            }
            case COMPLEX -> {
                ReplyRoom.Room room = ReplyRoom.of(request, null, properties, prompts);
                yield models.chat(new ModelRequest(request.userId(), request.messageId(), "COMPLEX", complexTier(request),
                        context.systemPrompt(request.userId(), "route-complex", false),
                        context.turns(request, request.history().size(), room),
                        List.of(), List.of(), room.maxTokens(), request.hotThread()));
            }
            case TOOL -> tools.answer(request);
        };
    }

    private ModelTier complexTier(AgentRequest request) {
        return properties.smartFor() == AgentProperties.SmartFor.ALL_COMPLEX
                || SmartWork.needsSmart(request.text(), request.history()) ? ModelTier.SMART : ModelTier.CHEAP;
    }
}
