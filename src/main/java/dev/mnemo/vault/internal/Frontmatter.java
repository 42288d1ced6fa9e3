package dev.mnemo.vault.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Obsidian properties: written by hand so that the same values always give the same bytes (every string
 * double-quoted, lists in block style, dates {@code YYYY-MM-DD}), read back with SnakeYAML's safe loader.
 */
final class Frontmatter {
    private static final String FENCE = "---";
    private final StringBuilder out = new StringBuilder(FENCE).append('\n');

    Frontmatter text(String key, String value) {
        if (value != null) {
            out.append(key).append(": ").append(quoted(value)).append('\n');
        }
        return this;
    }

    /** A date or a number, unquoted. */
    Frontmatter plain(String key, Object value) {
        if (value != null) {
            out.append(key).append(": ").append(value).append('\n');
        }
        return this;
    }

    Frontmatter list(String key, List<String> values) {
        if (!values.isEmpty()) {
            out.append(key).append(":\n");
            values.forEach(v -> out.append("  - ").append(quoted(v)).append('\n'));
        }
        return this;
    }

    String end() {
        return out.append(FENCE).append('\n').toString();
    }

    /** The properties and the body of a note; empty properties when it has none or they are not YAML. */
    static Parsed parse(String note) {
        String text = note.replace("\r\n", "\n");
        if (!text.startsWith(FENCE + "\n")) {
            return new Parsed(Map.of(), text, false);
        }
        int end = text.indexOf("\n" + FENCE, FENCE.length());
        if (end < 0) {
            return new Parsed(Map.of(), text, false);
        }
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(FENCE.length() + 1, end + 1));
            if (loaded instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) map;
                return new Parsed(properties, body, true);
            }
            return new Parsed(Map.of(), body, loaded == null);
        } catch (YAMLException e) {
            return new Parsed(Map.of(), body, false);
        }
    }

    /** A note's properties and its body; {@code valid} false when the properties could not be read. */
    record Parsed(Map<String, Object> properties, String body, boolean valid) {
        Optional<String> string(String key) {
            Object value = properties.get(key);
            return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
        }

        List<String> strings(String key) {
            Object value = properties.get(key);
            if (value instanceof List<?> list) {
                return list.stream().filter(v -> v != null).map(String::valueOf).toList();
            }
            return value == null ? List.of() : List.of(String.valueOf(value));
        }
    }

    /** A YAML double-quoted scalar: JSON's escapes, which YAML 1.1 and 1.2 both read. */
    static String quoted(String value) {
        StringBuilder q = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                            || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
