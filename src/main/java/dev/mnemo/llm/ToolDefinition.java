package dev.mnemo.llm;

import java.util.List;

/** A tool a model may call: its name, what it does, and its (string) parameters. */
public record ToolDefinition(String name, String description, List<Parameter> parameters) {

    /** @param allowedValues empty: any string */
    public record Parameter(String name, String description, boolean required, List<String> allowedValues) {
        public Parameter {
            allowedValues = List.copyOf(allowedValues);
        }

        public static Parameter required(String name, String description) {
            return new Parameter(name, description, true, List.of());
        }

        public static Parameter optional(String name, String description) {
            return new Parameter(name, description, false, List.of());
        }
    }

    public ToolDefinition {
        parameters = List.copyOf(parameters);
    }
}
