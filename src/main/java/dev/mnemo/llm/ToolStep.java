package dev.mnemo.llm;

import java.util.List;

/**
 * One round of a tool loop: what the model asked for (with any text it wrote alongside) and what the tools
 * answered, in the same order.
 */
public record ToolStep(String text, List<ToolCall> calls, List<Result> results) {

    public record Result(String callId, String content, boolean error) {
    }

    public ToolStep {
        calls = List.copyOf(calls);
        results = List.copyOf(results);
        if (calls.isEmpty() || calls.size() != results.size()) {
            throw new IllegalArgumentException("a tool step needs one result per call");
        }
    }
}
