package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who and what a memory is about, for the People and Topics notes: the people it names (a name after a relation
 * — "my sister Ana" —, a name that owns or does something — "Tom's allergic", "Ana lives" —, or a relation with no
 * name — "mum's bday" → Mum), and its topics (its kind and its tags that are not people).
 */
final class Subjects {
    private static final Set<String> RELATIONS = Set.of("sister", "brother", "mum", "mom", "mother", "dad", "father",
            "wife", "husband", "partner", "girlfriend", "boyfriend", "son", "daughter", "friend", "boss", "colleague",
            "cousin", "aunt", "uncle", "grandma", "grandpa", "grandmother", "grandfather", "niece", "nephew",
            "fiance", "fiancee", "fiancé", "fiancée", "flatmate", "roommate", "neighbour", "neighbor", "manager",
            "doctor", "therapist", "dentist", "kid", "baby", "stepmum", "stepdad");
    private static final Set<String> NOT_NAMES = Set.of("I", "I'm", "I've", "I'd", "I'll", "My", "The", "A", "An",
            "We", "Our", "He", "She", "They", "It", "This", "That", "Actually", "Now", "Not", "No", "Yes", "And", "But",
            "Also", "Just", "So", "Then", "Today", "Tomorrow", "Yesterday", "Tonight", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "Christmas", "Easter", "User", "Mnemo",
            "His", "Her", "Their", "Mr", "Mrs", "Ms", "Dr", "Was", "Is", "Will", "Went", "Got", "Had", "Has");
    private static final Pattern RELATION_NAME = Pattern.compile(
            "\\b(?i:my|our|his|her|their)\\s+(?:(?i:best|older|younger|little|big|new|ex|step)[- ]?\\s*)?(\\p{L}+)"
                    + "(?:\\s+(\\p{Lu}\\p{L}+(?:-\\p{Lu}\\p{L}+)?))?");
    private static final Pattern NAME_DOES = Pattern.compile(
            "\\b(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?:'s\\b|’s\\b|\\s+(?:is|was|lives|lived|works|worked|likes|loves|"
                    + "hates|has|had|moved|got|studies|plays|said|wants|needs|turns|turned|can't|cannot|doesn't|"
                    + "isn't|and I|and me)\\b)");

    private Subjects() {
    }

    /** The people a memory names, as note titles ("Ana", "Mum"). */
    static Set<String> people(Memory memory) {
        Set<String> people = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        String text = memory.text();
        Matcher relation = RELATION_NAME.matcher(text);
        while (relation.find()) {
            String word = relation.group(1).toLowerCase(Locale.ROOT);
            if (!RELATIONS.contains(word)) {
                continue;
            }
            people.add(relation.group(2) != null && !NOT_NAMES.contains(relation.group(2)) ? name(relation.group(2))
                    : capitalised(word.equals("mom") ? "mum" : word));
        }
        Matcher does = NAME_DOES.matcher(text);
        while (does.find()) {
            String name = does.group(1);
            if (!NOT_NAMES.contains(name) && !RELATIONS.contains(name.toLowerCase(Locale.ROOT))) {
                people.add(name);
            }
        }
        for (String tag : memory.tags()) {
            if ((memory.kind() == MemoryKind.PERSON || people.contains(tag))
                    && Pattern.compile("\\b" + Pattern.quote(capitalised(tag)) + "\\b").matcher(text).find()) {
                people.add(capitalised(tag));
            }
        }
        return people;
    }

    /** The topics of a memory, as note titles: its kind ("Preferences") and its tags that name no person. */
    static Set<String> topics(Memory memory, Set<String> people) {
        Set<String> topics = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        topics.add(kindTopic(memory.kind()));
        for (String tag : memory.tags()) {
            if (!people.contains(tag) && !tag.equals("sensitive")) {
                topics.add(capitalised(tag));
            }
        }
        return topics;
    }

    static String kindTopic(MemoryKind kind) {
        return switch (kind) {
            case FACT -> "Facts";
            case PREFERENCE -> "Preferences";
            case PERSON -> "People in my life";
            case EVENT -> "Events";
            case PLAN -> "Plans";
        };
    }

    /** "ANA" is Ana: shouting a name does not make another person. */
    private static String name(String written) {
        return written.chars().noneMatch(Character::isLowerCase) ? capitalised(written.toLowerCase(Locale.ROOT)) : written;
    }

    static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
