package dev.mnemo.memory;

import java.util.Locale;

/** What a memory is about. */
public enum MemoryKind {
    FACT, PREFERENCE, PERSON, EVENT, PLAN;

    /** Lenient parsing for model output and user input; unknown values are facts. */
    public static MemoryKind parse(String value) {
        if (value == null) {
            return FACT;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "PREFERENCE", "PREFERENCES", "LIKE", "DISLIKE" -> PREFERENCE;
            case "PERSON", "PEOPLE", "RELATIONSHIP" -> PERSON;
            case "EVENT", "EPISODE" -> EVENT;
            case "PLAN", "TASK", "PLAN/TASK", "GOAL" -> PLAN;
            default -> FACT;
        };
    }
}
