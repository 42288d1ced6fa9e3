package dev.mnemo.memory.write;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Without a model: does a new statement replace an older memory about the same subject? It must say that
 * something changed ("we broke up", "not … anymore", "moved to", "… now", "turned 4", "cancelled", "wait no")
 * or give another weekday for the same thing, and be about the older memory's subject: it shares a word with it,
 * or, close to it, points back to it ("she's in lisbon now"); never when it names someone else of their life
 * ("my brother got divorced") or says it adds ("too", "also", "still").
 */
final class Corrections {
    private static final Pattern CHANGE = Pattern.compile(
            "\\b(?:broke up|split up|divorced|called off|cancell?ed|scrapped|left|quit|retired|died|passed away|"
                    + "sold|moved (?:\\w+ )?to|relocated|switched|ported|changed to|instead|anymore|no longer|isn't|aren't|wasn't|"
                    + "not actually|turns out|turned \\d+|graduated|just started|started \\w+ing|went up|went down|"
                    + "new (?:number|manager|boss|job|address|place|school|teacher|landlord|doctor|phone)|my ex|wait no|"
                    + "smoke[- ]free|stopped|gave up|no more)\\b"
                    + "|\\bnow\\b(?=\\W*(?:,|$))|\\b(?:is|are|am|'s|'re|'m|on|at|with) [\\w' ]{0,20}\\bnow\\b"
                    + "|\\bnot\\s+[\\w.-]+\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDS = Pattern.compile("\\b(?:too|also|as well|still|same|again today)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_BACK = Pattern.compile("^(?:(?:wait no|oops|sorry),?\\s*)?(?:it|it's|its|she|she's|he|he's|they|they're)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATION = Pattern.compile("\\b(gf|bf|girlfriend|boyfriend|wife|husband|partner|mum|mom|"
            + "mother|dad|father|parents|sis|sister|bro|brother|son|daughter|kids?|nan|gran|grandma|grandpa|grandmother|"
            + "grandfather|aunt|uncle|cousin|niece|nephew|friend|flatmate|roommate|neighbou?r|boss|colleague|coworker|"
            + "fianc[eé]e?|dog|cat|puppy|kitten|work)"
            + "(?:'s|s'|')?(?=\\W|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|days|nesday|sday|rsday|urday|t)?s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STOP = Set.of("the", "and", "with", "from", "that", "this", "have", "has", "had", "was",
            "are", "were", "for", "not", "now", "just", "got", "get", "its", "it's", "i'm", "my", "our", "his", "her", "their",
            "lives", "live", "works", "work", "is", "in", "at", "on", "to", "of", "a", "an", "user");
    /** Below this, two statements are not about one thing, whatever their words. */
    static final double SAME_TOPIC = 0.45;
    /** A pronoun, or the person's own statement after their own memory, points back only this close. */
    static final double POINTING_BACK = 0.6;

    private Corrections() {
    }

    /** @param flagged the newer statement was phrased as a correction where it was said ("…, not 12", "actually …") */
    static boolean replaces(String older, String newer, boolean flagged, double similarity) {
        if (similarity < SAME_TOPIC || ADDS.matcher(newer).find() || Statements.isQuestionOrRequest(newer)) {
            return false;
        }
        boolean said = flagged || CHANGE.matcher(newer).find() || otherWeekday(older, newer);
        return said && sameSubject(older, newer, similarity >= POINTING_BACK);
    }

    private static boolean sameSubject(String older, String newer, boolean close) {
        Set<String> theirs = relations(older);
        Set<String> named = relations(newer);
        if (!theirs.containsAll(named)) {
            return false; // about another person of their life ("my brother got divorced")
        }
        if (sharesWord(older, newer)) {
            return true;
        }
        // Without a shared word only a pronoun points back ("she's in lisbon now"), and only when close: the
        // person's own "I quit smoking" says nothing about their "I'm vegan".
        return close && POINTS_BACK.matcher(newer.strip()).find();
    }

    private static Set<String> relations(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = RELATION.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("s$", ""));
        }
        return found;
    }

    private static boolean otherWeekday(String older, String newer) {
        Matcher a = WEEKDAY.matcher(older);
        Matcher b = WEEKDAY.matcher(newer);
        return a.find() && b.find() && !a.group(1).equalsIgnoreCase(b.group(1));
    }

    private static boolean sharesWord(String older, String newer) {
        Set<String> words = words(older);
        words.retainAll(words(newer));
        return !words.isEmpty();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).replaceAll("'s\\b", "").split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
