package dev.mnemo.mcp;

import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments, read strictly: a wrong type or a value out of range is the caller's mistake, said in one
 * sentence (the SDK has checked them against the tool's schema already; this is the second line).
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

    Object raw(String name) {
        return values.get(name);
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
        String clean = text.strip();
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
        long n = number.longValue();
        if (n < min || n > max) {
            throw new Invalid(name + " must be " + min + " to " + max);
        }
        return (int) n;
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
            return text.strip();
        }).toList();
    }
}
