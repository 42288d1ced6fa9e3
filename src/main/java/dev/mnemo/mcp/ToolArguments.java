package dev.mnemo.mcp;

import dev.mnemo.system.StorableText;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tool call's arguments, read strictly: a missing one, a wrong type or a value out of range is the caller's
 * mistake, said in one sentence. The tools' JSON schemas tell clients what to send; this is what checks it, so that
 * every refusal goes through {@link ToolCalls} and is recorded.
 */
final class ToolArguments {
    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A mistake in the arguments: the tool answers with an error result saying this. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    boolean flag(String name) {
        Object value = values.get(name);
        if (value != null && !(value instanceof Boolean)) {
            throw new Invalid(name + " must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    /** One of {@code allowed} (any case), or null when absent. */
    String choice(String name, List<String> allowed) {
        String value = optionalText(name, 40);
        if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new Invalid(name + " is one of " + String.join(", ", allowed));
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    String text(String name, int max) {
        String value = optionalText(name, max);
        if (value == null) {
            throw new Invalid(name + " is required");
        }
        return value;
    }

    String optionalText(String name, int max) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new Invalid(name + " must be a string");
        }
        // NUL and lone surrogates become U+FFFD (as everywhere in Mnemo), so both databases store the same text.
        String clean = StorableText.of(text).strip();
        if (clean.length() > max) {
            throw new Invalid(name + " must be at most " + max + " characters");
        }
        return clean.isEmpty() ? null : clean;
    }

    Integer optionalInteger(String name, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new Invalid(name + " must be an integer");
        }
        // Compared as a double first: a huge integer would wrap around as a long.
        if (number.doubleValue() < min || number.doubleValue() > max) {
            throw new Invalid(name + " must be " + min + " to " + max);
        }
        return number.intValue();
    }

    int integer(String name, int min, int max, int otherwise) {
        Integer value = optionalInteger(name, min, max);
        return value == null ? otherwise : value;
    }

    List<String> optionalStrings(String name, int maxItems, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.size() > maxItems) {
            throw new Invalid(name + " must be a list of at most " + maxItems + " strings");
        }
        return list.stream().map(item -> {
            if (!(item instanceof String text) || text.isBlank() || text.length() > maxLength) {
                throw new Invalid(name + " must hold strings of 1 to " + maxLength + " characters");
            }
            return StorableText.of(text).strip();
        }).toList();
    }
}
