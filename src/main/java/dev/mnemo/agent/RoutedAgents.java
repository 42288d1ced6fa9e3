package dev.mnemo.agent;

import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The simple agent (cheap model, short answers), the complex one (smart model, room to think) and the tool
 * agent, picked by the route.
 */
@Component
class RoutedAgents implements Agents {
    private final LanguageModels models;
    private final PromptContext context;
    private final ToolAgent tools;
    private final AgentProperties properties;

    RoutedAgents(LanguageModels models, PromptContext context, ToolAgent tools, AgentProperties properties) {
        this.models = models;
        this.context = context;
        this.tools = tools;
        this.properties = properties;
    }

    @Override
    public ModelReply answer(AgentRequest request) {
        return switch (request.route()) {
            case COMMAND -> throw new IllegalArgumentException("commands are answered without a model");
            case SIMPLE -> models.chat(new ModelRequest(request.userId(), request.messageId(), "SIMPLE", ModelTier.CHEAP,
                    context.systemPrompt(request.userId(), "route-simple", false),
                    context.turns(request, properties.simpleHistoryTurns()),
                    List.of(), List.of(), properties.simpleMaxTokens(),
                    // Its last few turns change with every exchange: nothing to reuse.
                    false));
            case COMPLEX -> models.chat(new ModelRequest(request.userId(), request.messageId(), "COMPLEX", ModelTier.SMART,
                    context.systemPrompt(request.userId(), "route-complex", false),
                    context.turns(request, request.history().size()),
                    List.of(), List.of(), null, request.hotThread()));
            case TOOL -> tools.answer(request);
        };
    }
}
