package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Without a model: does a new statement replace an older memory about the same subject? It must say that
 * something changed ("we broke up", "not … anymore", "moved to", "… now", "turned 4", "cancelled", "wait no")
 * or give another weekday for the same thing, and be about the older memory's subject: it shares a word with it,
 * or, close to it, points back to it ("she's in lisbon now"); never when it names someone else of their life
 * ("my brother got divorced") or says it adds ("too", "also", "still").
 */
final class Corrections {
    /** "74kg", "1,650", "68k". */
    private static final String AMOUNT = "\\$?\\d+(?:[.,]\\d+)?(?:\\s*(?:kg|lbs?|k|%))?";
    private static final Pattern CHANGE = Pattern.compile(
            "\\b(?:broke up|split up|divorced|called off|cancell?ed|scrapped|left|quit|retired|died|passed away|"
                    + "sold|moved (?:\\w+ )?to|relocated|switched|ported|changed to|instead|anymore|no longer|isn't|aren't|wasn't|"
                    + "not actually|turns out|turned \\d+|graduated|just started|started \\w+ing|went up|went down|"
                    + "new (?:number|manager|boss|job|address|place|school|teacher|landlord|doctor|phone)|my ex|wait no|"
                    + "smoke[- ]free|stopped|gave up|no more|first (?:day|week|month) at|started at|"
                    + "seeing someone|these days|nowadays|from now on|rebooked|rescheduled|postponed|pushed (?:back|to)|"
                    + "dropped out|back (?:in|to) the office|(?:down|up) to " + AMOUNT + ")\\b"
                    + "|(?:^|\\b(?:we|i)\\s+(?:just\\s+)?)bought a (?:house|flat|condo|place)\\b|\\bactually\\W*$|^off (?!to\\b)"
                    + "|\\bnow\\b(?=\\W*(?:,|$))|\\b(?:is|are|am|'s|'re|'m|on|at|with) [\\w' ]{0,20}\\bnow\\b"
                    + "|\\bnot\\s+[\\w.-]+\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Adds to what is known: "too", "also", "still", "been at amazon 6 yrs now". */
    private static final Pattern ADDS = Pattern.compile("\\b(?:too|also|as well|still|same(?! time)|again today)\\b"
            + "|\\bbeen\\b.*\\b\\d+\\s*(?:yrs?|years?|months?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_BACK = Pattern.compile("^(?:(?:wait no|oops|sorry),?\\s*)?(it|it's|its|she|she's|he|he's|they|they're)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String RELATIONS = "gf|bf|girlfriend|boyfriend|wife|husband|partner|mum|mom|"
            + "mother|dad|father|parents|sis|sister|bro|brother|son|daughter|kids?|nan|gran|grandma|grandpa|grandmother|"
            + "grandfather|aunt|uncle|cousin|niece|nephew|friend|flatmate|roommate|neighbou?r|boss|colleague|coworker|"
            + "fianc[eé]e?|dog|cat|puppy|kitten|work";
    private static final Pattern RELATION = Pattern.compile("\\b(" + RELATIONS + ")(?:'s|s'|')?(?=\\W|$)",
            Pattern.CASE_INSENSITIVE);
    /** "my brother's wife": someone of someone of their life. */
    private static final Pattern RELATION_OF_RELATION = Pattern.compile("'s\\s+(?:" + RELATIONS + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|days|nesday|sday|rsday|urday|t)?s?\\b", Pattern.CASE_INSENSITIVE);
    /**
     * Parts of a life where a change replaces what was true, whatever the words: "we broke up" ends "I'm dating
     * Mark", "ported my number to o2" ends "I'm a Vodafone customer". Used only for the person's own statements.
     */
    /** "moved to the sales team", "moved to part-time": not a move of home. */
    static final String NOT_A_MOVE = "(?!\\s+(?:(?:the|a|an)\\s+(?:\\w+\\s+)?(?:team|department|role|position|shift|group|class|"
            + "project|plan|version|desk|floor|cloud)\\b|part[- ]time|full[- ]time|(?:nights|days|evenings|weekends|linux|"
            + "windows|mac|android|iphone|pixel)\\b))";
    private static final List<Pattern> TOPICS = Stream.of(
            "dating|single|married|engaged|boyfriend|girlfriend|bf|gf|partner|broke up|split up|divorced|seeing someone",
            "vegetarian|vegan|pescatarian|keto|paleo|meat|diet|dairy",
            "commute|train|bus|subway|metro|tube|bike|cycle|drive|walk to work|carpool",
            "live in|living in|rent|apartment|flat|house|condo|moved to" + NOT_A_MOVE + "|mortgage",
            "work at|work for|job|employer|hired|first (?:day|week|month) at|started at|laid off|fired",
            "phone number|my number|carrier|network|sim|ported|vodafone|o2|verizon|at&t|t-mobile|sprint|orange",
            "passwords?|pw|passcode|lastpass|1password|bitwarden|keepass|dashlane",
            "smoke|smoking|smoker|cigarettes|vape|vaping",
            "school|elementary|kindergarten|grade|college|university",
            "years old|turned \\d+|age",
            "weigh|weight|kg|lbs|pounds",
            "earn|salary|raise|paid|pay rise",
            "iphone|android|pixel",
            "working from home|wfh|remote|office|hybrid")
            .map(words -> Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE)).toList();
    /**
     * "max is sleeping now" and "i'm on the train now" are moments, not changes; "she's living in lisbon now" is one.
     */
    private static final Pattern MOMENT = Pattern.compile("\\b(?!living|working|staying|dating|seeing|studying|"
            + "teaching|using|driving)\\w+ing(?:\\s+(?:it|them|this|that))?\\s+now\\W*$"
            + "|\\b(?:i'm|i am|im|we're|we are)\\s+(?:on|at|in)\\s+(?:the\\s+|a\\s+|my\\s+)?[\\w']+\\s+now\\W*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * What changes a state even when told as an episode: "max turned 4 last week", "rent went up to 1650", "first week
     * at pwc went great". Not "gym class got cancelled yesterday", "i nearly moved to lisbon last year".
     */
    private static final Pattern STATE_CHANGE = Pattern.compile("\\b(?:turned \\d+|went (?:up|down) to " + AMOUNT
            + "|(?:down|up) to " + AMOUNT + "|first (?:day|week|month) at|started at|new job)\\b"
            + "|(?<!\\b(?:nearly|almost|never|not|thinking of|about to)\\s)\\bmoved (?:\\w+ )?to\\b", Pattern.CASE_INSENSITIVE);
    /** True for now only: "ana's in lisbon right now", "my brother is in lisbon for work now". */
    private static final Pattern FOR_NOW = Pattern.compile("\\b(?:right now|at the moment|atm|rn|this week(?:end)?|"
            + "for (?:work|a (?:week|few days|bit|while)|the (?:week(?:end)?|day|night)))\\b", Pattern.CASE_INSENSITIVE);
    /** "ana's flight got cancelled": Ana is whose flight it is, not what the statement is about. */
    private static final Pattern OWNERS_THING = Pattern.compile("^([\\p{L}]+?)(?:'s|s')\\s+(?!(?:in|at|on|now|back|not|no|a|an|"
            + "the|moving|getting|been|living|working|just|going|done|over|off|still|also|never|always|fav|favou?rite|"
            + "staying|with|from|\\d)\\b)[\\p{L}]+", Pattern.CASE_INSENSITIVE);
    /** "My friend Omar": one of several, named; "my friend" alone is not necessarily him. */
    private static final Pattern ONE_OF_SEVERAL_NAMED = Pattern.compile("\\b(?:friend|cousin|colleague|coworker|neighbou?r|"
            + "aunt|uncle|niece|nephew|roommate|flatmate)\\s+\\p{Lu}");
    /** Statements this long are not texted facts: the rules are not run on them (and stay linear). */
    private static final int LONGEST = 500;
    /**
     * The newer statement is about someone or something else: "jake moved to lisbon", "the office switched to o2",
     * "my landlord moved to spain", "jess and tom broke up". Texting without the "I" ("started eating meat again",
     * "seeing someone now") is the person's own.
     */
    private static final Pattern SOMEONE_ELSE = Pattern.compile("^(?:the|a|an|he|she|they|his|her|their|[\\p{L}]+'s|"
            + "(?:my|our)\\s+[\\p{L}]+)\\b|^(?!(?:i|we|me|just|finally|now|still|also|so|first|started|moved|switched|"
            + "seeing|ported|bought|quit|got|off|down|up)\\b)[\\p{L}]+(?: and [\\p{L}]+)? (?:is|isn't|are|was|has|have|had|"
            + "just|got|gets|moved|started|gave|turned|switched|broke|split|quit|left|went|joined|bought|sold|retired|"
            + "graduated|lives|works|drives|took|stopped|finally)\\b", Pattern.CASE_INSENSITIVE);
    /** Words ending in -ing that name things, not doings: kept as what a statement is about. */
    private static final Set<String> ING_NOUNS = Set.of("wedding", "meeting", "morning", "evening", "building", "ceiling",
            "clothing", "parking", "housing", "sibling", "painting", "training", "spring", "string", "something",
            "nothing", "everything", "anything", "offspring", "earring", "wedding's", "ring");
    private static final Pattern RECURRING = Pattern.compile("\\b(?:every|each|meets|weekly)\\b|days\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OWN = Pattern.compile("^(?:i|i'm|i've|my|the user)\\b", Pattern.CASE_INSENSITIVE);
    /** "wifi pw is bluebird9": a thing and its value, short forms spelled out. */
    private static final Pattern RESTATED = Pattern.compile("^(?:my\\s+)?([\\w' -]{1,40}?)\\s+(?:is|are|'s)\\s+(.+)$");
    private static final Map<String, String> SHORT_FORMS = Map.of("pw", "password", "bday", "birthday", "fav",
            "favourite", "favorite", "favourite", "no", "number", "num", "number", "addr", "address");
    private static final Set<String> STOP = Set.of("the", "and", "with", "from", "that", "this", "have", "has", "had", "was",
            "are", "were", "for", "not", "now", "just", "got", "get", "its", "it's", "i'm", "my", "our", "his", "her", "their",
            "lives", "live", "works", "work", "is", "in", "at", "on", "to", "of", "a", "an", "user");
    /** Below this, two statements are not about one thing, whatever their words. */
    static final double SAME_TOPIC = 0.45;
    /** A pronoun, or the person's own statement after their own memory, points back only this close. */
    static final double POINTING_BACK = 0.6;

    private Corrections() {
    }

    /**
     * @param flagged the newer statement was phrased as a correction where it was said ("…, not 12", "actually …")
     * @param newerIsEpisode the newer tells of one occasion: only a change of state makes it replace anything
     *     ("max turned 4 last week" does; "left mark's place yesterday" says nothing of "I'm dating Mark")
     */
    static boolean replaces(String older, String newer, boolean flagged, double similarity, boolean newerIsEpisode) {
        if (older.length() > LONGEST || newer.length() > LONGEST || similarity < SAME_TOPIC || ADDS.matcher(newer).find()
                || FOR_NOW.matcher(newer).find() || Statements.isQuestionOrRequest(newer)) {
            return false;
        }
        boolean close = similarity >= POINTING_BACK;
        String change = MOMENT.matcher(newer).replaceAll("");
        // An episode's "moved" or "switched" flags it, but only a change of state makes it replace anything.
        boolean said = flagged && !newerIsEpisode || (newerIsEpisode ? STATE_CHANGE : CHANGE).matcher(change).find()
                || otherWeekday(older, newer) && onTheSameSchedule(older, newer);
        return said && sameSubject(older, newer, close) || restatesSlot(older, newer) || frameChanged(older, newer, close);
    }

    private static boolean frameChanged(String older, String newer, boolean close) {
        Optional<Frame> was = Frame.of(older);
        Optional<Frame> is = Frame.of(newer);
        return was.isPresent() && is.isPresent() && is.get().replaces(was.get(), close);
    }

    /**
     * The newer names the very thing of the older memory's slot, in two words or more, and gives it another value of
     * the same shape: "wifi pw is bluebird9" after "my wifi password is sunflower22" (both have digits). A less
     * specific thing is another one ("my birthday is june 9" after "my brother's birthday is May 3"), and a
     * one-word thing says too little ("my boss is on holiday", "rent is due on the 1st").
     */
    private static boolean restatesSlot(String older, String newer) {
        Optional<Statements.SlotValue> slot = Statements.slot(older);
        Matcher m = RESTATED.matcher(newer.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", ""));
        if (slot.isEmpty() || !m.matches()) {
            return false;
        }
        Set<String> thing = words(spelledOut(m.group(1)));
        String value = m.group(2).strip();
        String was = slot.get().value();
        return thing.size() >= 2 && words(spelledOut(slot.get().slot())).equals(thing) && !value.equals(was)
                && sameShape(value, was);
    }

    private static String spelledOut(String text) {
        StringBuilder out = new StringBuilder();
        for (String w : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            out.append(SHORT_FORMS.getOrDefault(w, w)).append(' ');
        }
        return out.toString();
    }

    private static boolean sameShape(String a, String b) {
        boolean digitsA = a.matches(".*\\d.*");
        if (digitsA || b.matches(".*\\d.*")) {
            return digitsA == b.matches(".*\\d.*");
        }
        return name(a) && name(b);
    }

    private static boolean name(String value) {
        return value.replaceFirst("^(?:mr|mrs|ms|dr)\\.?\\s+", "").matches("[\\p{L}'-]+(?:\\s[\\p{L}'-]+)?");
    }

    private static boolean sameSubject(String older, String newer, boolean close) {
        Set<String> theirs = relations(older);
        Set<String> named = relations(newer);
        if (!theirs.containsAll(named)) {
            return false; // about another person of their life ("my brother got divorced")
        }
        if (RELATION_OF_RELATION.matcher(older).find() && !named.equals(theirs)) {
            return false; // "my wife" is not "my brother's wife"
        }
        boolean olderIsOwn = noOneElse(theirs) && OWN.matcher(older.strip()).find();
        if (sharesWord(older, newer) || olderIsOwn && !SOMEONE_ELSE.matcher(newer.strip()).find()
                && sameTopic(older, newer)) {
            return true;
        }
        // Without a shared word only a pronoun points back ("she's in lisbon now"), only when close, and only to
        // someone it can be: "she" is no brother, "they" are several, and none of them is the person.
        Matcher pronoun = POINTS_BACK.matcher(newer.strip());
        if (!close || !pronoun.find()) {
            return false;
        }
        String word = pronoun.group(1).toLowerCase(Locale.ROOT).replaceAll("'.*", "");
        return word.startsWith("it") ? theirs.isEmpty() || theirs.equals(Set.of("work"))
                : !olderIsOwn && Frame.pronounFits(word, theirs);
    }

    /** "work" is a place ("I take the train to work"), not a person of their life. */
    private static boolean noOneElse(Set<String> relations) {
        return relations.isEmpty() || relations.equals(Set.of("work"));
    }

    private static boolean sameTopic(String older, String newer) {
        return TOPICS.stream().anyMatch(t -> t.matcher(older).find() && t.matcher(newer).find());
    }

    private static Set<String> relations(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = RELATION.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("s$", ""));
        }
        return found;
    }

    /**
     * Another weekday says the day changed only between schedules: "went for a run on tuesday" is one occasion after
     * "I run on Mondays", and "I run on Tuesdays" does not undo "went for a run on Monday"; "book club meets on
     * wednesday" is a schedule, though it reads like an episode.
     */
    private static boolean onTheSameSchedule(String older, String newer) {
        return Statements.kindOf(newer) != MemoryKind.EVENT
                && (Statements.kindOf(older) != MemoryKind.EVENT || RECURRING.matcher(older).find());
    }

    private static boolean otherWeekday(String older, String newer) {
        Matcher a = WEEKDAY.matcher(older);
        Matcher b = WEEKDAY.matcher(newer);
        return a.find() && b.find() && !a.group(1).equalsIgnoreCase(b.group(1));
    }

    /**
     * A word both statements are about. Not a relation a person has several of ("my friend moved" says nothing of
     * "my friend Omar"), nor the owner of what the newer one is about ("ana's flight got cancelled").
     */
    private static boolean sharesWord(String older, String newer) {
        Set<String> words = words(older);
        Set<String> theirs = words(newer);
        Matcher owner = OWNERS_THING.matcher(newer.strip());
        if (owner.find()) {
            String whose = owner.group(1).toLowerCase(Locale.ROOT);
            theirs.removeAll(Set.of(whose, whose + "s"));
        }
        if (ONE_OF_SEVERAL_NAMED.matcher(older).find()) {
            theirs.removeAll(Frame.ONE_OF_SEVERAL);
        }
        words.retainAll(theirs);
        return !words.isEmpty();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).replaceAll("'s\\b", "").split("[^\\p{L}\\p{N}]+")) {
            String one = w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
            // what someone is doing ("learning") is not what the statement is about
            if (w.length() >= 3 && !STOP.contains(w) && !STOP.contains(one) && (!w.endsWith("ing") || ING_NOUNS.contains(w))) {
                words.add(one);
            }
        }
        return words;
    }
}
