package dev.mnemo.llm;

import java.util.Map;
import java.util.Optional;

/** A model asking for one tool to run; arguments as the model wrote them, every value as a string. */
public record ToolCall(String id, String name, Map<String, String> arguments) {
    public ToolCall {
        arguments = Map.copyOf(arguments);
    }

    public Optional<String> argument(String key) {
        return Optional.ofNullable(arguments.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
