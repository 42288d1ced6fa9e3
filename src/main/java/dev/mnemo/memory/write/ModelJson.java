package dev.mnemo.memory.write;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON object a model was asked for, tolerating prose or code fences around it. */
public final class ModelJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelJson() {
    }

    public static Optional<JsonNode> parse(String reply) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(reply.substring(start, end + 1)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
