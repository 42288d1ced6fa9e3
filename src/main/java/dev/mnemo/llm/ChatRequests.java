package dev.mnemo.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatRequestParameters;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our requests in LangChain4j's terms, and its tool calls in ours.
 *
 * <p>Prompt caching (Anthropic): the prompt is laid out stable-first, so that one cached prefix serves many
 * messages: tool definitions, then the system prompt, then (when {@link ModelRequest#cacheTurns()}) the earlier
 * turns, each ending in a cache breakpoint. Whatever changes with every message (the time, recalled memories)
 * is in the last user turn, after every breakpoint, so it never invalidates the cache. With tools, the last user
 * turn is a breakpoint too: the first round writes it, the following rounds of the loop read it. Anthropic ignores a breakpoint whose prefix is
 * shorter than the model's minimum (1,024 tokens for Sonnet 4.5, 4,096 for Haiku 4.5), at no charge.
 */
final class ChatRequests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> CACHE_BREAKPOINT = Map.of("cache_control", "ephemeral");

    private ChatRequests() {
    }

    static ChatRequest of(ModelRequest request, Provider provider, boolean promptCaching) {
        boolean caching = promptCaching && provider == Provider.ANTHROPIC;
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(request.systemPrompt()));
        List<ChatTurn> turns = request.turns();
        for (int i = 0; i < turns.size(); i++) {
            ChatTurn turn = turns.get(i);
            boolean lastHistoryTurn = i == turns.size() - 2 && request.cacheTurns();
            boolean lastTurnBeforeTools = i == turns.size() - 1 && !request.tools().isEmpty();
            Map<String, Object> attributes = caching && (lastHistoryTurn || lastTurnBeforeTools) ? CACHE_BREAKPOINT : Map.of();
            messages.add(turn.role() == ChatTurn.Role.USER
                    ? UserMessage.builder().addContent(new TextContent(turn.text()))
                            .attributes(attributes).build()
                    : AiMessage.builder().text(turn.text()).attributes(attributes).build());
        }
        for (ToolStep step : request.steps()) {
            List<ToolExecutionRequest> calls = step.calls().stream().map(ChatRequests::execution).toList();
            messages.add(step.text() == null || step.text().isBlank() ? AiMessage.from(calls) : AiMessage.from(step.text(), calls));
            for (int i = 0; i < step.calls().size(); i++) {
                ToolStep.Result result = step.results().get(i);
                messages.add(ToolExecutionResultMessage.builder().id(result.callId()).toolName(step.calls().get(i).name())
                        .text(result.content()).isError(result.error()).build());
            }
        }
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
        if (!request.tools().isEmpty()) {
            builder.toolSpecifications(request.tools().stream().map(ChatRequests::specification).toList());
        }
        if (request.maxOutputTokens() != null) {
            builder.maxOutputTokens(request.maxOutputTokens());
        }
        if (caching) {
            builder.parameters(AnthropicChatRequestParameters.builder().cacheSystemMessages(true).cacheTools(true).build());
        }
        return builder.build();
    }

    static List<ToolCall> toolCalls(AiMessage message) {
        if (message == null || !message.hasToolExecutionRequests()) {
            return List.of();
        }
        return message.toolExecutionRequests().stream()
                .map(r -> new ToolCall(r.id(), r.name(), arguments(r.arguments())))
                .toList();
    }

    /** Every argument as text; a model that writes no JSON object gets no arguments (the tool then says what is missing). */
    static Map<String, String> arguments(String json) {
        Map<String, String> arguments = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return arguments;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            return arguments;
        }
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (!value.isNull()) {
                    arguments.put(field.getKey(), value.isString() ? value.asString() : value.toString());
                }
            }
        }
        return arguments;
    }

    private static ToolExecutionRequest execution(ToolCall call) {
        return ToolExecutionRequest.builder().id(call.id()).name(call.name())
                .arguments(JSON.writeValueAsString(call.arguments())).build();
    }

    private static ToolSpecification specification(ToolDefinition tool) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (ToolDefinition.Parameter p : tool.parameters()) {
            if (p.allowedValues().isEmpty()) {
                schema.addStringProperty(p.name(), p.description());
            } else {
                schema.addEnumProperty(p.name(), p.allowedValues(), p.description());
            }
            if (p.required()) {
                required.add(p.name());
            }
        }
        return ToolSpecification.builder().name(tool.name()).description(tool.description())
                .parameters(schema.required(required).build()).build();
    }
}
