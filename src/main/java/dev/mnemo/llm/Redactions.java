package dev.mnemo.llm;

import dev.mnemo.privacy.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A model request with every text redacted, and tool calls with their arguments restored. */
final class Redactions {
    private Redactions() {
    }

    static ModelRequest apply(ModelRequest request, Redaction redaction) {
        List<ChatTurn> turns = request.turns().stream().map(t -> new ChatTurn(t.role(), redaction.redact(t.text()))).toList();
        List<ToolStep> steps = request.steps().stream().map(step -> new ToolStep(redaction.redact(step.text()),
                step.calls().stream().map(c -> new ToolCall(c.id(), c.name(), map(c.arguments(), redaction::redact))).toList(),
                step.results().stream().map(r -> new ToolStep.Result(r.callId(), redaction.redact(r.content()), r.error())).toList()))
                .toList();
        return new ModelRequest(request.userId(), request.messageId(), request.purpose(), request.tier(),
                redaction.redact(request.systemPrompt()), turns, request.tools(), steps, request.maxOutputTokens(),
                request.cacheTurns());
    }

    static List<ToolCall> restore(List<ToolCall> calls, Redaction redaction) {
        return calls.stream().map(c -> new ToolCall(c.id(), c.name(), map(c.arguments(), redaction::restore))).toList();
    }

    private static Map<String, String> map(Map<String, String> arguments, UnaryOperator<String> f) {
        Map<String, String> mapped = new LinkedHashMap<>();
        arguments.forEach((k, v) -> mapped.put(k, f.apply(v)));
        return mapped;
    }
}
