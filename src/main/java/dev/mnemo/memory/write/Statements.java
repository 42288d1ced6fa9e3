package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline understanding of what people say about themselves: which sentences state a fact, which
 * present themselves as corrections, and which "slot" a statement fills ("my sister", where one lives,
 * where one works), so that a new value for the same slot replaces the old one instead of piling up.
 */
final class Statements {
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern FIRST_PERSON_FACT = Pattern.compile(
            "\\b(my|our)\\s+[\\w' -]{1,40}?\\s+(is|are|was|were|'s)\\b"
                    + "|\\bi(?:'m| am| was)\\b"
                    + "|\\bi\\s+(?:\\w+ly\\s+)?(live|lived|work|worked|moved|like|love|hate|prefer|enjoy|have|had|own|study|"
                    + "studied|started|quit|bought|adopted|married|plan|want|need|can't|cannot|don't|never|always|"
                    + "usually|play|drive|speak|grew up|was born|got)\\b"
                    + "|\\b(remember that|call me|don't forget that)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECTION = Pattern.compile(
            "^\\s*(actually|correction|no,|sorry,|i meant)\\b|,\\s*not\\s+\\w+|\\bno longer\\b|\\banymore\\b|\\binstead\\b"
                    + "|\\bnot\\s+\\w+\\s*[.!]?$|\\b(moved|changed|switched)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_NOISE = Pattern.compile(
            "^\\s*(actually|correction|no|sorry|oh|btw|by the way|also|and|so|well|fyi|just so you know|"
                    + "remember that|please remember that|don't forget that|note that)\\b[,:]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_NOT = Pattern.compile(",?\\s+not\\s+[\\w' -]{1,40}[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * Checked in order, over the cleaned, lower-cased statement, with "the user" read as "I". Where one lives
     * or works is a slot only when said of oneself: "my sister lives in Porto" must not replace "I live in
     * Braga".
     */
    private static final List<Slot> SLOTS = List.of(
            new Slot("name", "^(?:my name is|call me|i'm called|i am called|i go by)\\s+(.+)"),
            new Slot("residence", "^i\\s+(?:now\\s+|currently\\s+|recently\\s+|just\\s+)?(?:live|lives|moved|relocated|am living|'m living|am based|'m based)\\s+(?:in|to)\\s+(.+)"),
            new Slot("employer", "^i\\s+(?:now\\s+|currently\\s+|recently\\s+|just\\s+)?(?:work|works|started working|started|am working|'m working)\\s+(?:at|for)\\s+(.+)"),
            new Slot("age", "^i(?:'m| am)\\s+(\\d{1,3})(?:\\s+years old)?$"),
            new Slot(null, "\\bmy\\s+([\\w' -]{1,40}?)\\s+(?:is|are|was)\\s+(?:called\\s+|named\\s+)?(.+)"));
    private static final Set<String> STOP = Set.of("a", "an", "the", "is", "are", "was", "were", "i", "my", "me", "to",
            "of", "and", "in", "on", "at", "for", "it", "that", "this", "be", "am", "'s", "with", "as", "by", "not");

    private Statements() {
    }

    /** The first-person statements of a message (questions left out), cleaned of filler. */
    static List<String> factualSentences(String message) {
        List<String> found = new ArrayList<>();
        for (String sentence : SENTENCE.split(message.strip())) {
            String s = sentence.strip();
            if (s.length() < 6 || s.endsWith("?") || !FIRST_PERSON_FACT.matcher(s).find()) {
                continue;
            }
            found.add(s);
        }
        return found;
    }

    static boolean isCorrection(String text) {
        return CORRECTION.matcher(text).find();
    }

    /** The statement without leading filler ("actually, ") and a trailing "…, not X". */
    static String clean(String text) {
        String s = text.strip();
        String previous;
        do {
            previous = s;
            s = LEADING_NOISE.matcher(s).replaceFirst("");
        } while (!s.equals(previous) && !s.isEmpty());
        s = TRAILING_NOT.matcher(s).replaceFirst("").strip();
        if (s.isEmpty()) {
            return text.strip();
        }
        if (!s.endsWith(".") && !s.endsWith("!")) {
            s = s + ".";
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The slot a statement fills and its value, if it has the shape of one. */
    static Optional<SlotValue> slot(String text) {
        String s = clean(text).toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "")
                .replaceAll("\\bthe user's\\b", "my").replaceAll("\\bthe user\\b", "i");
        for (Slot slot : SLOTS) {
            Matcher m = slot.pattern().matcher(s);
            if (m.find()) {
                if (slot.name() == null) {
                    return Optional.of(new SlotValue("my " + m.group(1).strip(), normaliseValue(m.group(2))));
                }
                return Optional.of(new SlotValue(slot.name(), normaliseValue(m.group(1))));
            }
        }
        return Optional.empty();
    }

    static MemoryKind kindOf(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.matches(".*\\b(like|love|hate|prefer|favou?rite|enjoy|can't stand|allergic)\\b.*")) {
            return MemoryKind.PREFERENCE;
        }
        if (s.matches(".*\\bmy (mother|mom|mum|father|dad|sister|brother|wife|husband|partner|son|daughter|"
                + "friend|boss|colleague|grandma|grandpa|aunt|uncle|cousin|girlfriend|boyfriend)\\b.*")) {
            return MemoryKind.PERSON;
        }
        if (s.matches(".*\\b(plan|planning|going to|will|want to|need to|have to|next week|tomorrow|deadline)\\b.*")) {
            return MemoryKind.PLAN;
        }
        if (s.matches(".*\\b(went|visited|met|yesterday|last (week|month|year)|on (monday|tuesday|wednesday|"
                + "thursday|friday|saturday|sunday)|ago)\\b.*")) {
            return MemoryKind.EVENT;
        }
        return MemoryKind.FACT;
    }

    /** Content words: what makes one phrasing more informative than another. */
    static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isBlank() && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static String normaliseValue(String value) {
        return value.strip().replaceAll("^(called|named)\\s+", "").replaceAll("[,;].*$", "").strip();
    }

    record SlotValue(String slot, String value) {
    }

    private record Slot(String name, Pattern pattern) {
        Slot(String name, String regex) {
            this(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }
}
