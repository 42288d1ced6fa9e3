package dev.mnemo.agent;

import dev.mnemo.cost.TokenUsage;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelReply;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.llm.ToolCall;
import dev.mnemo.llm.ToolStep;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tool loop: the model asks for tools, they run, their results go back, until the model answers in words
 * or the step limit is reached. Every round is a model call in the cost ledger; the reply carries their sum.
 */
@Component
class ToolAgent {
    private static final Logger log = LoggerFactory.getLogger(ToolAgent.class);

    private final LanguageModels models;
    private final PromptContext context;
    private final AssistantTools tools;
    private final AgentProperties properties;
    private final Prompts prompts;
    private final MeterRegistry meters;

    ToolAgent(LanguageModels models, PromptContext context, AssistantTools tools, AgentProperties properties,
              Prompts prompts, MeterRegistry meters) {
        this.models = models;
        this.context = context;
        this.tools = tools;
        this.properties = properties;
        this.prompts = prompts;
        this.meters = meters;
    }

    ModelReply answer(AgentRequest request) {
        ReplyRoom.Room room = ReplyRoom.of(request, null, properties, prompts);
        ModelRequest modelRequest = new ModelRequest(request.userId(), request.messageId(), "TOOL", properties.toolTier(),
                context.systemPrompt(request.userId(), "route-tool", true), context.turns(request, request.history().size(), room),
                // Only the prompt asks for SMS length: a cap would cut a tool call short.
                AssistantTools.DEFINITIONS, List.of(), null, request.hotThread());
        List<ModelReply> calls = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> verbatim = new ArrayList<>();
        for (int step = 0; step < properties.toolMaxSteps(); step++) {
            ModelReply reply;
            try {
                reply = models.chat(modelRequest);
            } catch (ModelUnavailableException e) {
                if (done.isEmpty()) {
                    throw e;
                }
                // The actions happened; the person must hear about them even without the model's wording.
                log.warn("Model failed after tool actions for message {}: answering with the tool results", request.messageId());
                return total(calls, String.join("\n", done), verbatim);
            }
            calls.add(reply);
            if (step == 0 && !reply.wantsTools()) {
                // Routed to the tools, answered without one: the tool definitions were paid for in vain.
                meters.counter("mnemo.agent.tool.unused").increment();
            }
            if (!reply.wantsTools()) {
                return total(calls, reply.text(), verbatim);
            }
            List<ToolStep.Result> results = new ArrayList<>();
            for (ToolCall call : reply.toolCalls()) {
                ToolStep.Result result = tools.run(request.userId(), request.messageId(), call);
                results.add(result);
                if (!result.error() && AssistantTools.ACTIONS.contains(call.name())) {
                    done.add(result.content());
                }
                AssistantTools.verbatimForThePerson(call, result).ifPresent(text -> {
                    verbatim.clear(); // a later forget replaces the pending list, as /forget does
                    verbatim.add(text);
                });
            }
            modelRequest = modelRequest.withStep(new ToolStep(reply.text(), reply.toolCalls(), results));
        }
        log.warn("Tool loop of message {} stopped after {} steps", request.messageId(), properties.toolMaxSteps());
        return total(calls, done.isEmpty() ? "I couldn't get that done, sorry. Nothing was changed."
                : "Here is what I did before I had to stop:\n" + String.join("\n", done), verbatim);
    }

    /**
     * One reply for the message: the last model's text (plus what the person must see verbatim), every round's
     * tokens and cost (null if any was unpriced).
     */
    private static ModelReply total(List<ModelReply> calls, String modelText, List<String> verbatim) {
        String text = verbatim.isEmpty() ? modelText : modelText + "\n\n" + String.join("\n\n", verbatim);
        long input = 0, output = 0, cacheRead = 0, cacheWrite = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (ModelReply call : calls) {
            input += call.usage().input();
            output += call.usage().output();
            cacheRead += call.usage().cacheRead();
            cacheWrite += call.usage().cacheWrite();
            cost = cost == null || call.costUsd() == null ? null : cost.add(call.costUsd());
        }
        ModelReply last = calls.getLast();
        return new ModelReply(text, last.provider(), last.model(), new TokenUsage(input, output, cacheRead, cacheWrite),
                cost, calls.stream().anyMatch(ModelReply::fallback));
    }
}
