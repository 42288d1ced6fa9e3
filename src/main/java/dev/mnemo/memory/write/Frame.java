package dev.mnemo.memory.write;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement read as who, a predicate that holds one value at a time, and that value: "my sister ana lives in
 * porto" is (sister ana, lives in, porto). Two frames of the same subject and predicate with different values cannot
 * both be true, so the newer replaces the older ("luis lives in valencia" after "my brother Luis lives in Madrid").
 */
record Frame(Set<String> who, Predicate predicate, Set<String> value, boolean pronoun) {

    enum Predicate { LIVES_IN, LIVES_WITH, WORKS_AT, DRIVES }

    private static final String WHO = "^(?<who>[\\p{L}' ]{1,40}?)";
    private static final String WHAT = "\\s+(?<what>.+)$";
    private static final Map<Predicate, Pattern> PATTERNS = Map.of(
            // "is in" only with "now" or "back": "ana's in porto this weekend" is a visit, not a move.
            Predicate.LIVES_IN, Pattern.compile(WHO + "(?:\\s+(?:now\\s+)?(?:lives?|living)\\s+in|\\s+(?:moved|relocated)"
                    + "(?:\\s+back)?\\s+to|(?:'s|\\s+is|'re|\\s+are)\\s+(?:now\\s+in|back\\s+in|in(?=.*\\bnow\\b)))" + WHAT),
            Predicate.LIVES_WITH, Pattern.compile(WHO + "\\s+(?:(?:lives?|living)\\s+with|moved\\s+in(?:to|\\s+with)?)" + WHAT),
            Predicate.WORKS_AT, Pattern.compile(WHO + "(?:\\s+(?:now\\s+)?(?:works?|working)\\s+(?:at|for)"
                    + "|(?:'m|\\s+am|'s|\\s+is)\\s+(?:a|an)\\s+[\\w-]+\\s+at)" + WHAT),
            Predicate.DRIVES, Pattern.compile(WHO + "\\s+(?:now\\s+)?(?:drives?|driving)(?:\\s+(?:a|an))?" + WHAT));
    private static final Map<String, String> SAME_PERSON = Map.ofEntries(Map.entry("mum", "mother"),
            Map.entry("mom", "mother"), Map.entry("dad", "father"), Map.entry("grandma", "grandmother"),
            Map.entry("gran", "grandmother"), Map.entry("nan", "grandmother"), Map.entry("granny", "grandmother"),
            Map.entry("grandpa", "grandfather"), Map.entry("sis", "sister"), Map.entry("bro", "brother"),
            Map.entry("bf", "boyfriend"), Map.entry("gf", "girlfriend"), Map.entry("i'm", "i"));
    private static final Set<String> PRONOUNS = Set.of("she", "he", "they", "it");
    private static final Set<String> NOT_WHO = Set.of("my", "the", "our", "now", "just", "also");
    private static final Set<String> NOT_VALUE = Set.of("the", "a", "an", "in", "at", "for", "now", "back", "with",
            "of", "to", "and", "lol", "btw", "actually", "full", "time", "this", "week", "month", "year");

    static Optional<Frame> of(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("\\bthe user's\\b", "my").replaceAll("\\bthe user\\b", "i")
                .replaceAll("[^\\p{L}\\p{N}]+$", "");
        for (Map.Entry<Predicate, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(s);
            if (m.matches()) {
                Set<String> who = new HashSet<>();
                for (String w : m.group("who").split("\\s+")) {
                    if (!w.isBlank() && !NOT_WHO.contains(w)) {
                        who.add(SAME_PERSON.getOrDefault(w, w));
                    }
                }
                Set<String> value = new HashSet<>();
                for (String w : m.group("what").split("[^\\p{L}\\p{N}]+")) {
                    if (!w.isBlank() && !NOT_VALUE.contains(w)) {
                        value.add(w);
                    }
                }
                if (!who.isEmpty() && !value.isEmpty()) {
                    return Optional.of(new Frame(who, e.getKey(), value, who.size() == 1 && PRONOUNS.containsAll(who)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when this (newer) frame gives the older one's subject another value of the same predicate.
     *
     * @param close the two statements are close enough for a pronoun to point back
     */
    boolean replaces(Frame older, boolean close) {
        if (predicate != older.predicate || value.stream().anyMatch(older.value::contains)) {
            return false;
        }
        return pronoun ? close && !older.who.contains("i") : older.who.containsAll(who);
    }
}
