package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryKind;
import java.util.Collections;
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
 * Without a model: does a new statement replace an older memory about the same subject? Either it says that
 * something changed ("we broke up", "not … anymore", "moved to", "… now", "turned 4", "wait no") or gives another
 * weekday for the same schedule, and is about the older memory's subject — a word they share (a name alone only
 * within one part of a life), the same one of their life, the same part of the person's own life ("we broke up"
 * after "I'm dating Mark"), or, close to it, a pronoun that can point back ("she's in lisbon now") — or it gives a
 * one-valued {@link Frame} or slot another value. Never when it names someone else, says it adds ("too", "still"),
 * hedges ("nearly"), is for now ("right now", "for work"), or is an episode without a change of state. Tuned for
 * precision: a wrong replacement demotes a true memory (BENCHMARKS.md, corrections without a model).
 */
final class Corrections {
    /** What happens to a plan: it says nothing of a routine ("my train was cancelled" after "I take the train"). */
    private static final Pattern PLAN_CHANGE = Pattern.compile("\\b(?:cancell?ed|called off|rebooked|rescheduled|postponed|"
            + "pushed (?:back|to))", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAINLY = Pattern.compile("^\\s*(?:actually|correction|no,|sorry,|i meant|wait no|oops)\\b"
            + "|,\\s*not\\s+\\w+|\\bnot\\s+\\w+\\s*[.!]?$|\\bno longer\\b|\\banymore\\b|\\binstead\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MOVED = Pattern.compile("\\b(?:moved|changed|switched)\\b", Pattern.CASE_INSENSITIVE);
    /** Said of what might have been: "i nearly moved to lisbon", "we almost split up", "never moved in the end". */
    private static final Pattern HEDGED = Pattern.compile("\\b(?:nearly|almost|never|didn'?t|did not|might|may(?!\\s+\\d)|could|"
            + "would|should|thinking (?:of|about)|want to|wanna|hoping to|planning to|if)\\b", Pattern.CASE_INSENSITIVE);
    /** Texting's openers, which say nothing of whom: "btw jake moved to lisbon" is jake's news. */
    private static final Pattern LEADING_FILLER = Pattern.compile("^(?:(?:btw|so|oh|ok|okay|actually|update|fyi|also|and|"
            + "lol|omg|well|anyway|news|guess what)[,:!]?\\s+)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE_CHANGE = Pattern.compile("\\bturned \\d+\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE = Pattern.compile("\\b\\d+ (?:years? old|yo)\\b|\\bis \\d+\\b", Pattern.CASE_INSENSITIVE);
    /** "74kg", "1,650", "68k". */
    private static final String AMOUNT = "\\$?\\d+(?:[.,]\\d+)?(?:\\s*(?:kg|lbs?|k|%))?";
    private static final Pattern CHANGE = Pattern.compile(
            "\\b(?:broke up|split up|divorced|called off (?:the )?(?:engagement|wedding)|scrapped|left|quit|retired|died|"
                    + "passed away|"
                    + "sold|moved (?:\\w+ )?to" + Corrections.NOT_A_MOVE + "|relocated|switched|ported|changed to|instead|anymore|no longer|isn't|aren't|wasn't|"
                    + "not actually|turns out|turned \\d+|graduated|just started|started \\w+ing|went up|went down|"
                    + "new (?:number|manager|boss|job|address|place|school|teacher|landlord|doctor|phone)|my ex|wait no|"
                    + "smoke[- ]free|stopped|gave up|no more|first (?:day|week|month) at|started at|"
                    + "seeing someone|these days|nowadays|from now on|"
                    + "dropped out|back (?:in|to) the office|(?:down|up) to " + AMOUNT + ")\\b"
                    + "|(?:^|\\b(?:we|i)\\s+(?:just\\s+)?)(?:bought a (?:house|flat|condo|place)|cancell?ed)\\b|\\bactually\\W*$|^off (?!to\\b)"
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
    private static final Pattern RELATION = Pattern.compile("\\b(" + RELATIONS + ")s?(?:'s|s'|')?(?=\\W|$)",
            Pattern.CASE_INSENSITIVE);
    /** "my brother's wife": someone of someone of their life. */
    private static final Pattern RELATION_OF_RELATION = Pattern.compile("'s\\s+(?:" + RELATIONS + ")\\b",
            Pattern.CASE_INSENSITIVE);
    /** Weekdays as texted, not "sat in the garden", "the sun", "wed" (a bare "wed" is as likely "wedding"). */
    private static final Pattern WEEKDAY = Pattern.compile("\\b(mon|tue|wed|thu|fri|sat|sun)(?:days?|nesdays?|sdays?|rsdays?|"
            + "urdays?)\\b|\\b(mon|tues?|weds|thurs?|fri)s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\b\\d{1,2}:\\d{2}\\b|"
            + "\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\s+\\d{1,2}\\b", Pattern.CASE_INSENSITIVE);
    /** "moved to the sales team", "moved to part-time": not a move of home. */
    static final String NOT_A_MOVE = "(?!\\s+(?:(?:a|an)\\s+(?:new|bigger|smaller|nicer|cheaper|better)\\b|"
            + "(?:the|a|an)\\s+(?:\\w+\\s+)?(?:team|department|role|position|shift|group|class|"
            + "project|plan|version|desk|floor|cloud)\\b|part[- ]time|full[- ]time|(?:nights|days|evenings|weekends|linux|"
            + "windows|mac|android|iphone|pixel)\\b))";
    /**
     * Parts of a life where a change replaces what was true, whatever the words: "we broke up" ends "I'm dating
     * Mark", "ported my number to o2" ends "I'm a Vodafone customer". Used only for the person's own statements.
     */
    private static final List<Pattern> TOPICS = Stream.of(
            "dating|single|married|engaged|engagement|boyfriend|girlfriend|bf|gf|partner|broke up|split up|divorced|"
                    + "seeing someone|ex",
            "vegetarian|vegan|pescatarian|keto|paleo|meat|diet|dairy",
            "commute|train|bus|subway|metro|tube|bike|cycle|drive|walk to work|carpool",
            "live in|living in|rent|apartment|flat|house|condo|moved to" + NOT_A_MOVE + "|mortgage",
            "work at|work for|job|employer|hired|first (?:day|week|month) at|started at|laid off|fired|retired|teacher|"
                    + "manager|boss",
            "phone number|my number|carrier|network|sim|ported|vodafone|o2|verizon|at&t|t-mobile|sprint|orange",
            "passwords?|pw|passcode|lastpass|1password|bitwarden|keepass|dashlane",
            "smoke|smoking|smoker|cigarettes|vape|vaping",
            "school|elementary|kindergarten|grade|college|university|studying|graduated|degree|law school|med school",
            "years old|turned \\d+|age",
            "weigh|weight|\\d*kg|\\d*lbs|pounds",
            "earn|salary|raise|paid|pay rise",
            "iphone|android|pixel",
            "working from home|wfh|remote|office|hybrid")
            .map(words -> Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE)).toList();
    /**
     * "max is sleeping now" and "i'm on the train now" are moments, not changes; "she's living in lisbon now" is one.
     */
    private static final Pattern MOMENT = Pattern.compile("\\b(?!living|working|staying|dating|seeing|studying|"
            + "teaching|using|driving)\\w+ing(?:\\s+(?:it|them|this|that))?\\s+now\\W*$"
            + "|\\b(?:i'm|i am|im|we're|we are)\\s+(?:(?:on|at)\\s+(?:the\\s+|a\\s+|my\\s+)?|in\\s+(?:the|a|my)\\s+)[\\w']+\\s+now\\W*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * What changes a state even when told as an episode: "max turned 4 last week", "rent went up to 1650", "first week
     * at pwc went great". Not "gym class got cancelled yesterday", "i nearly moved to lisbon last year".
     */
    private static final Pattern STATE_CHANGE = Pattern.compile("\\b(?:turned \\d+|went (?:up|down) to " + AMOUNT
            + "|(?:down|up) to " + AMOUNT + "|first (?:day|week|month) at|started at|new job)\\b"
            // "nearly", "never", "thinking of" are refused as hedges before any cue is read
            + "|(?<!\\b(?:not|about to)\\s)\\bmoved (?:\\w+ )?to\\b", Pattern.CASE_INSENSITIVE);
    /** True for now only: "ana's in lisbon right now", "my brother is in lisbon for work now". */
    private static final Pattern FOR_NOW = Pattern.compile("\\b(?:right now|this (?:morning|afternoon|evening)|"
            + "for the (?:day|night)|" + Statements.FOR_NOW + ")\\b|\\b(?:is|are|was|'s)\\s+(?:running\\s+)?(?:late|early|delayed|busy|"
            + "closed|packed|full|empty)\\b", Pattern.CASE_INSENSITIVE);
    /** "ana's flight got cancelled": Ana is whose flight it is, not what the statement is about. */
    private static final Pattern OWNERS_THING = Pattern.compile("^([\\p{L}]+?)(?:'s|s')\\s+(?!(?:in|at|on|now|back|not|no|a|an|"
            + "the|moving|getting|been|living|working|just|going|done|over|off|still|also|never|always|fav|favou?rite|"
            + "staying|with|from|\\d)\\b)[\\p{L}]+", Pattern.CASE_INSENSITIVE);
    /** "My friend Omar": one of several, named; "my friend" alone is not necessarily him. */
    private static final Pattern ONE_OF_SEVERAL_NAMED = Pattern.compile("\\b(?:friend|cousin|colleague|coworker|neighbou?r|"
            + "aunt|uncle|niece|nephew|roommate|flatmate)\\s+(?!(?:is|was|and|from|at|in|who|lives|works|has|had|just|got|"
            + "moved|said|says)\\b)[\\p{L}]{2,}", Pattern.CASE_INSENSITIVE);
    /**
     * The newer statement is about someone or something else: "jake moved to lisbon", "the office switched to o2",
     * "my landlord moved to spain", "jess and tom broke up". Texting without the "I" ("started eating meat again",
     * "seeing someone now") is the person's own.
     */
    private static final Pattern SOMEONE_ELSE = Pattern.compile("^(?:the|a|an|he|she|they|his|her|their|all|half|both|lots|"
            + "some|most|everyone|everybody|people|mr|mrs|ms|dr|[\\p{L}]+'s|"
            + "(?:my|our)\\s+[\\p{L}]+)\\b|^(?!(?:i|we|me|just|finally|now|still|also|so|first|started|moved|switched|"
            + "seeing|ported|bought|quit|got|off|down|up)\\b)[\\p{L}]+(?: from [\\p{L}]+)?(?:\\s*(?:and|&)\\s*(?!i\\b|me\\b)[\\p{L}]+)? (?:is|isn't|are|was|has|have|had|"
            + "just|got|gets|moved|started|gave|turned|switched|broke|split|quit|left|went|joined|bought|sold|retired|"
            + "graduated|lives|works|drives|took|stopped|finally)\\b", Pattern.CASE_INSENSITIVE);
    /** Words ending in -ing that name things, not doings: kept as what a statement is about. */
    private static final Set<String> ING_NOUNS = Set.of("wedding", "meeting", "morning", "evening", "building", "ceiling",
            "clothing", "parking", "housing", "sibling", "painting", "training", "spring", "string", "something",
            "nothing", "everything", "anything", "offspring", "earring", "wedding's", "ring");
    private static final Pattern RECURRING = Pattern.compile("\\b(?:every|each|meets|weekly)\\b|days\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SELF = Pattern.compile("^(?:i|i'm|i've|we|we're|the user)\\b", Pattern.CASE_INSENSITIVE);
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
    static boolean replaces(String older, String text, boolean flagged, double similarity, boolean newerIsEpisode) {
        // Statements this long are not texted facts: the rules are not run on them (and stay linear).
        if (older.length() > Statements.LONGEST_SENTENCE || text.length() > Statements.LONGEST_SENTENCE) {
            return false;
        }
        String newer = LEADING_FILLER.matcher(text.strip().replace('’', '\'')).replaceFirst("");
        if (similarity < SAME_TOPIC || ADDS.matcher(newer).find() || FOR_NOW.matcher(newer).find()
                || HEDGED.matcher(newer).find() || Statements.isQuestionOrRequest(newer)) {
            return false;
        }
        boolean close = similarity >= POINTING_BACK;
        String change = MOMENT.matcher(newer).replaceAll("");
        // "moved", "changed", "switched" flag a statement as a correction where it is said; here they are weighed
        // as the cues they are ("moved to a new flat" is no move away).
        boolean flaggedPlainly = flagged && (PLAINLY.matcher(newer).find() || !MOVED.matcher(newer).find());
        boolean said = flaggedPlainly && !newerIsEpisode || (newerIsEpisode ? STATE_CHANGE : CHANGE).matcher(change).find()
                || !newerIsEpisode && PLAN_CHANGE.matcher(change).find() && appointment(older)
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
        // "sara from work quit deloitte" is Sara's news, not the news of "I work at Deloitte"; "band split up" is the
        // news of the band in "I play guitar in a band".
        String subject = newer.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+", 2)[0];
        if (SELF.matcher(older.strip()).find() && SOMEONE_ELSE.matcher(newer).find()
                && !words(older).contains(subject)) {
            return false;
        }
        // The same one of their life, named alike ("my gf" is "my girlfriend"), in the same part of it.
        boolean sameRelation = !named.isEmpty() && named.equals(theirs) && Collections.disjoint(named, Frame.ONE_OF_SEVERAL);
        if (sharesWord(older, newer) || sameRelation && sameTopic(older, newer) || olderIsOwn && sameTopic(older, newer)) {
            return true;
        }
        // Without a shared word only a pronoun points back ("she's in lisbon now"), only when close, and only to
        // someone it can be: "she" is no brother, "they" are several, and none of them is the person.
        Matcher pronoun = POINTS_BACK.matcher(newer);
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
            String relation = m.group(1).toLowerCase(Locale.ROOT).replaceAll("s$", "");
            found.add(Frame.SAME_PERSON.getOrDefault(relation, relation));
        }
        return found;
    }

    private static String day(Matcher m) {
        return (m.group(1) != null ? m.group(1) : m.group(2)).substring(0, 3).toLowerCase(Locale.ROOT);
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

    /** A memory of something on a day or at a time (or a plan or an episode): what plans' changes are about. */
    private static boolean appointment(String older) {
        if (WEEKDAY.matcher(older).find() || TIME.matcher(older).find()) {
            return true;
        }
        MemoryKind kind = Statements.kindOf(older);
        return kind == MemoryKind.EVENT || kind == MemoryKind.PLAN;
    }

    private static boolean otherWeekday(String older, String newer) {
        Matcher a = WEEKDAY.matcher(older);
        Matcher b = WEEKDAY.matcher(newer);
        return a.find() && b.find() && !day(a).equals(day(b));
    }

    /**
     * A word both statements are about. Not a relation a person has several of ("my friend moved" says nothing of
     * "my friend Omar"), nor the owner of what the newer one is about ("ana's flight got cancelled").
     */
    private static boolean sharesWord(String older, String newer) {
        Set<String> words = words(older);
        Set<String> theirs = words(newer);
        Matcher owner = OWNERS_THING.matcher(newer);
        if (owner.find()) {
            String whose = owner.group(1).toLowerCase(Locale.ROOT);
            theirs.removeAll(Set.of(whose, whose + "s"));
        }
        if (ONE_OF_SEVERAL_NAMED.matcher(older).find()) {
            theirs.removeAll(Frame.ONE_OF_SEVERAL);
        }
        words.retainAll(theirs);
        if (words.isEmpty()) {
            return false;
        }
        // A name alone, as the newer's subject, is whom it is about, not what: "mark quit his job" says nothing of
        // "I'm dating Mark", but "alex is my ex" ends "my partner is Alex" (one part of a life, both).
        Set<String> names = names(older);
        boolean onlyTheirName = words.size() == 1 && names.containsAll(words)
                && newer.toLowerCase(Locale.ROOT).startsWith(words.iterator().next());
        return !onlyTheirName || sameTopic(older, newer) || AGE_CHANGE.matcher(newer).find() && AGE.matcher(older).find();
    }

    /** The words of a memory written with a capital inside it: the names in "My sister Ana lives in Porto". */
    private static Set<String> names(String text) {
        Set<String> names = new HashSet<>();
        String[] tokens = text.strip().split("[^\\p{L}\\p{N}']+");
        for (int i = 1; i < tokens.length; i++) {
            if (!tokens[i].isEmpty() && Character.isUpperCase(tokens[i].charAt(0)) && !tokens[i].equals("I")) {
                names.addAll(words(tokens[i]));
            }
        }
        return names;
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
