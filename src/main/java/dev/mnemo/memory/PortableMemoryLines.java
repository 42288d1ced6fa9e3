package dev.mnemo.memory;

import dev.mnemo.system.StorableText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Lines form of {@link PortableMemory}: one object per line,
 * {@code {"text", "kind", "importance", "tags", "saidAt", "history": [{"text", "kind", "importance", "validFrom",
 * "validTo", "reason"}]}}, times in ISO-8601. Reading is strict — a field it does not know, a wrong type, a time in
 * the future — and says what is wrong, so an import names the line instead of storing something else.
 */
public final class PortableMemoryLines {
    /** As the API's limit for one memory. */
    public static final int MAX_TEXT = 2000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 60;
    private static final Set<String> FIELDS = Set.of("text", "kind", "importance", "tags", "saidAt", "history");
    private static final Set<String> VERSION_FIELDS = Set.of("text", "kind", "importance", "validFrom", "validTo", "reason");
    /** Earlier times are refused: they are typing errors, and far enough back they overflow milliseconds. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PortableMemoryLines() {
    }

    public static String write(PortableMemory m) {
        ObjectNode line = JSON.createObjectNode();
        line.put("text", m.text());
        line.put("kind", m.kind().name());
        if (m.importance() != null) {
            line.put("importance", m.importance());
        }
        ArrayNode tags = line.putArray("tags");
        m.tags().forEach(tags::add);
        line.put("saidAt", m.saidAt().toString());
        ArrayNode history = line.putArray("history");
        for (MemoryVersion v : m.history()) {
            history.addObject().put("text", v.text()).put("kind", v.kind().name()).put("importance", v.importance())
                    .put("validFrom", v.validFrom().toString()).put("validTo", v.validTo().toString())
                    .put("reason", v.reason().name());
        }
        return JSON.writeValueAsString(line);
    }

    /**
     * @param now     a time after which {@code saidAt} is refused (with a day's grace for clocks and time zones)
     * @param saidNow what a line without {@code saidAt} was said at
     * @throws IllegalArgumentException saying what is wrong
     */
    public static PortableMemory read(String line, Instant now, Instant saidNow) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        unknownFields(node, FIELDS, "");
        String text = text(node, "text");
        MemoryKind kind = node.has("kind") ? kind(node.get("kind"), "kind") : null;
        Integer importance = node.has("importance") ? importance(node.get("importance"), "importance") : null;
        List<String> tags = tags(node.get("tags"));
        Instant saidAt = node.has("saidAt") ? time(node.get("saidAt"), "saidAt", now) : saidNow;
        List<MemoryVersion> history = new ArrayList<>();
        JsonNode versions = node.get("history");
        if (versions != null && !versions.isNull()) {
            if (!versions.isArray()) {
                throw new IllegalArgumentException("history must be a list");
            }
            for (int i = 0; i < versions.size(); i++) {
                history.add(version(versions.get(i), "history[" + i + "].", now));
            }
        }
        return new PortableMemory(text, kind, importance, tags, saidAt, history);
    }

    private static MemoryVersion version(JsonNode v, String at, Instant now) {
        if (!v.isObject()) {
            throw new IllegalArgumentException(at.substring(0, at.length() - 1) + " must be an object");
        }
        unknownFields(v, VERSION_FIELDS, at);
        Instant from = time(required(v, "validFrom", at), at + "validFrom", now);
        Instant to = time(required(v, "validTo", at), at + "validTo", now);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(at + "validTo is before its validFrom");
        }
        VersionReason reason;
        try {
            reason = VersionReason.valueOf(required(v, "reason", at).asString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "reason must be one of " + List.of(VersionReason.values()));
        }
        return new MemoryVersion(textOf(v, "text", at), v.has("kind") ? kind(v.get("kind"), at + "kind") : MemoryKind.FACT,
                v.has("importance") ? importance(v.get("importance"), at + "importance") : 5, from, to, reason);
    }

    private static JsonNode required(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(at + field + " is missing");
        }
        return value;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(at + name + " is not a field of a memory (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(JsonNode node, String field) {
        return textOf(node, field, "");
    }

    private static String textOf(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(at + field + " must be a non-empty string");
        }
        String text = value.asString().strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new IllegalArgumentException(at + field + " is longer than " + MAX_TEXT + " characters");
        }
        return StorableText.of(text);
    }

    private static MemoryKind kind(JsonNode value, String field) {
        String given = value.isString() ? value.asString().strip().toUpperCase(Locale.ROOT) : "";
        for (MemoryKind kind : MemoryKind.values()) {
            if (kind.name().equals(given)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + List.of(MemoryKind.values()));
    }

    private static int importance(JsonNode value, String field) {
        if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > 10) {
            throw new IllegalArgumentException(field + " must be a whole number from 1 to 10");
        }
        return value.asInt();
    }

    private static List<String> tags(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags must be a list of at most " + MAX_TAGS + " strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : value) {
            if (!tag.isString() || tag.asString().isBlank() || tag.asString().length() > MAX_TAG
                    || tag.asString().contains(",")) {
                throw new IllegalArgumentException("each tag must be a non-empty string of at most " + MAX_TAG
                        + " characters without a comma");
            }
            tags.add(StorableText.of(tag.asString()));
        }
        return tags;
    }

    private static Instant time(JsonNode value, String field, Instant now) {
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time such as 2026-03-14T09:30:00Z");
        }
        return time(value.asString(), field, now);
    }

    /**
     * A time a memory was said at, as people and other tools give it: ISO-8601, not before {@link #EARLIEST}, not
     * after {@code now} (with a day's grace for clocks and time zones).
     *
     * @throws IllegalArgumentException naming {@code field} and what is wrong
     */
    public static Instant time(String value, String field, Instant now) {
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time such as 2026-03-14T09:30:00Z");
        }
        if (at.isBefore(EARLIEST)) {
            throw new IllegalArgumentException(field + " is before " + EARLIEST);
        }
        if (at.isAfter(now.plusSeconds(86_400))) {
            throw new IllegalArgumentException(field + " is in the future");
        }
        return at;
    }
}
