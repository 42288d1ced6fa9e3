package dev.mnemo.memory.write;

import java.util.HashSet;
import java.util.List;
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
 * Deliberately narrow: a subject of at most three words, and predicates whose value is a place, an employer or a
 * vehicle ("i work at home on fridays", "my dad drives me crazy", "i live with chronic pain" are none of them).
 */
record Frame(Set<String> who, Predicate predicate, Set<String> value, boolean pronoun) {

    enum Predicate { LIVES_IN, LIVES_WITH, WORKS_AT, DRIVES }

    private static final String WHO = "^(?<who>[\\p{L}']+(?:\\s+[\\p{L}']+){0,2}?)";
    /** Up to the first comma or "and": "i live in madrid and work at google" lives in madrid. */
    private static final String WHAT = "\\s+(?<what>[^,;]+?)(?:\\s+and\\s.*|\\s*[,;].*)?$";
    /** Being in these is a stay, not a home: "dad's back in hospital". */
    private static final String NOT_A_HOME = "(?!\\s+(?:the\\s+)?(?:hospital|bed|town|office|work|school|class|gym|rehab|"
            + "jail|action|shape|touch|traffic|a meeting|the car)\\b)";
    /** A place or an employer is named, not "an apartment", "a desk all day", "a living". */
    private static final String NO_ARTICLE = "(?!\\s+(?:a|an)\\b)";
    /** Checked in this order: the first that reads the statement decides. */
    private static final List<Map.Entry<Predicate, Pattern>> PATTERNS = List.of(
            Map.entry(Predicate.LIVES_IN, Pattern.compile(WHO + "(?:\\s+(?:now\\s+)?(?:lives?|living)\\s+in" + NOT_A_HOME + NO_ARTICLE
                    + "|\\s+(?:moved|relocated)(?:\\s+back)?\\s+to(?=\\s+(?!the\\b|a\\b|an\\b)\\S)" + Corrections.NOT_A_MOVE
                    // "is in" only as "now in" or "back in": "ana's in porto this weekend" is a visit, not a move.
                    + "|(?:'s|\\s+is|'re|\\s+are)\\s+(?:now\\s+in|back\\s+in)" + NOT_A_HOME + NO_ARTICLE
                    + "|(?:'s|\\s+is)\\s+in(?=\\s+[\\p{L}]+\\s+now\\W*$)" + NOT_A_HOME + ")" + WHAT)),
            Map.entry(Predicate.LIVES_WITH, Pattern.compile(WHO + "\\s+(?:(?:lives?|living)\\s+with(?=\\s+(?:us|me|my|our|"
                    + "her|his|their|him|them|roommates?|flatmates?|housemates?|parents|friends|mum|mom|dad)\\b)"
                    + "|moved\\s+in\\s+with)" + WHAT)),
            Map.entry(Predicate.WORKS_AT, Pattern.compile(WHO + "\\s+(?:now\\s+)?(?:works?|working)\\s+(?:at|for)"
                    + "(?=\\s+(?!home\\b|nights?\\b|weekends?\\b|the weekend|\\d)\\S)" + NO_ARTICLE + WHAT)),
            Map.entry(Predicate.DRIVES, Pattern.compile(WHO + "\\s+(?:now\\s+)?drives?\\s+(?:a|an)"
                    + "(?=\\s+(?!lot\\b|bit\\b|hour\\b|few\\b|long\\b|little\\b|while\\b|hard\\b)\\S+(?:\\s+\\S+){0,2}\\W*$)"
                    + WHAT)));
    static final Map<String, String> SAME_PERSON = Map.ofEntries(Map.entry("mum", "mother"),
            Map.entry("mom", "mother"), Map.entry("dad", "father"), Map.entry("grandma", "grandmother"),
            Map.entry("gran", "grandmother"), Map.entry("nan", "grandmother"), Map.entry("granny", "grandmother"),
            Map.entry("grandpa", "grandfather"), Map.entry("sis", "sister"), Map.entry("bro", "brother"),
            Map.entry("bf", "boyfriend"), Map.entry("gf", "girlfriend"), Map.entry("i'm", "i"),
            Map.entry("mam", "mother"));
    /** Relations a person usually has several of: "my friend works at google" says nothing of Omar. */
    static final Set<String> ONE_OF_SEVERAL = Set.of("friend", "cousin", "colleague", "coworker", "neighbour",
            "neighbor", "aunt", "uncle", "niece", "nephew", "kid", "kids", "child", "children", "roommate", "flatmate");
    private static final Set<String> MEN = Set.of("brother", "bro", "father", "dad", "son", "husband", "boyfriend", "bf",
            "uncle", "nephew", "grandfather", "grandpa");
    private static final Set<String> WOMEN = Set.of("sister", "sis", "mother", "mum", "mom", "mam", "daughter", "wife",
            "girlfriend", "gf", "aunt", "niece", "grandmother", "grandma", "gran", "nan");
    private static final Set<String> SEVERAL = Set.of("parents", "kids", "children", "grandparents", "in-laws", "twins");
    private static final Set<String> PRONOUNS = Set.of("she", "he", "they");
    private static final Set<String> NOT_WHO = Set.of("my", "the", "our", "now", "just", "also");
    private static final Set<String> NOT_VALUE = Set.of("the", "a", "an", "in", "at", "for", "now", "back", "with",
            "of", "to", "and", "lol", "btw", "actually", "full", "time", "this", "week", "month", "year", "my", "our",
            "her", "his", "their", "last", "next");
    /** Frames are for what people text: a longer statement is not read as one. */
    private static final int LONGEST = 300;

    static Optional<Frame> of(String text) {
        if (text.length() > LONGEST) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("\\bthe user's\\b", "my").replaceAll("\\bthe user\\b", "i")
                .replaceAll("[^\\p{L}\\p{N}]+$", "");
        for (Map.Entry<Predicate, Pattern> e : PATTERNS) {
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
        if (pronoun) {
            return close && pointsTo(older.who);
        }
        if (possessive(who) || possessive(older.who)) {
            return who.equals(older.who); // "my brother's wife" is not "my wife"
        }
        boolean onlyARelation = who.size() == 1 && ONE_OF_SEVERAL.containsAll(who);
        return !onlyARelation && older.who.containsAll(who);
    }

    /** "she" is no brother, "they" are several, and none of them is the person ("i", "we"). */
    private boolean pointsTo(Set<String> older) {
        return !older.contains("i") && !older.contains("we") && pronounFits(who.iterator().next(), older);
    }

    /** Whether "she", "he" or "they" can name the one these words (relations, names) name. */
    static boolean pronounFits(String pronoun, Set<String> who) {
        return switch (pronoun) {
            case "she" -> who.stream().noneMatch(MEN::contains) && !several(who);
            case "he" -> who.stream().noneMatch(WOMEN::contains) && !several(who);
            case "they" -> several(who);
            default -> false;
        };
    }

    /** Relations of several people, however counted ("parents", or "parent" once the plural is taken off). */
    private static boolean several(Set<String> who) {
        return who.stream().anyMatch(w -> SEVERAL.contains(w) || SEVERAL.contains(w + "s"));
    }

    private static boolean possessive(Set<String> who) {
        return who.stream().anyMatch(w -> w.endsWith("'s") || w.endsWith("s'"));
    }
}
