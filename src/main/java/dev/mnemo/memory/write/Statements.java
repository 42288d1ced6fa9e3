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
                    + "|\\bi(?:'m| am| was)\\b|^im\\b|\\bi'?ve (?:got|been|had|never|always|started|moved|lived|worked)\\b"
                    + "|\\b(?:we're|we've|we'll|i'll|i'd)\\b|\\b(?:i|we)\\s+(?:\\w+ly\\s+|just\\s+)?\\w{3,}ed\\b"
                    + "|\\b(?:i|we)\\s+(?:\\w+ly\\s+|just\\s+|now\\s+|still\\s+|finally\\s+)?(live|lived|work|worked|moved|like|love|"
                    + "hate|prefer|enjoy|have|had|own|study|studied|started|quit|bought|adopted|married|plan|want|need|can't|"
                    + "cant|cannot|don't|dont|never|always|usually|play|drive|speak|grew up|was born|got|go|run|swim|cycle|"
                    + "teach|eat|drink|take|broke up|split up|start|finish|begin|get|see|visit|wear|volunteer|rent|ride|collect|"
                    + "are|were|'re|'ve|'ll)\\b"
                    + "|\\bi\\s+(?:\\w+ly\\s+)?(?:support|follow|use|read|cook|bake)\\s+(?!that\\b|this\\b|it\\b|you\\b|your\\b|ur\\b|u\\b)\\w+"
                    + "|\\b(remember that|call me|don't forget that)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The people (and pets) of someone's life, as texting names them. */
    private static final String RELATIONS = "(?:gf|bf|girlfriend|boyfriend|wife|husband|partner|fianc[eé]e?|mum|mom|mam|mother|"
            + "dad|father|parents|sis|sister|bro|brother|son|daughter|kids?|baby|nan|gran|grandma|grandpa|grandparents|"
            + "aunt|uncle|cousin|niece|nephew|flatmate|roommate|housemate|boss|manager|colleague|coworker|eldest|youngest|"
            + "twins?|dog|cat|puppy|kitten|in-laws)";
    /** Someone in the person's life, with what is true of them: "my sister Ana lives in Porto", "my dog's 12". */
    private static final Pattern THEIR_PEOPLE = Pattern.compile(
            "\\b(?:my|our)\\s+[\\w' ,-]{1,40}?\\s+(?:lives?|works?|moved|has|had|got|gets|started|loves?|likes?|hates?|"
                    + "studies|turned|passed|died|plays|teaches|runs|owns|drives|left|quit|joined|can't|cannot|doesn't|won't|"
                    + "is|are|was|were|'s)\\b|^(?:(?:my|our)\\s+)?" + RELATIONS + "(?:'s)?\\s+\\S+\\s+\\S+",
            Pattern.CASE_INSENSITIVE);
    /** "Tom's allergic to nuts", "jake started at google", "she moved to lisbon": a named person, a lasting fact. */
    private static final Pattern NAMED_PERSON = Pattern.compile(
            "^(?!(?:it|that|this|there|here|what|who|which|where|when|how|why|today|tonight|everything|nothing|just|still|"
                    + "also|finally|really|something|everyone|someone|weather|traffic|work|life)\\b)[\\p{L}]{2,20}(?: from [\\p{L} ]{2,20}?)?"
                    + "(?:'s\\s+(?:allergic|vegan|vegetarian|pregnant|married|engaged|divorced|retired|moving|getting|starting|"
                    + "turning|studying|working|living|birthday|bday|b-day|wedding|\\d)"
                    + "|\\s+(?:(?:isn't|is not)\\s+(?:allergic|vegan|vegetarian|pregnant|married|engaged|divorced|retired|moving|"
                    + "going|coming|getting|starting)"
                    + "|is\\s+(?:allergic|vegan|vegetarian|pregnant|married|engaged|divorced|retired|moving|getting|"
                    + "starting|turning|studying|working|living|a|an|\\d)|has|lives|works|moved|started|got|loves|likes|hates|"
                    + "can't|cant|doesn't|doesnt|turned|passed|quit|joined|studies|just|broke up|left|bought|adopted))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Whose day it is: "mum's bday is 14th March", "Tom's wedding is in June". */
    private static final Pattern SOMEONES_DAY = Pattern.compile(
            "\\b[\\p{L}]+'s\\s+(?:birthday|bday|b-day|wedding|anniversary|graduation|funeral|party|surgery|due date|"
                    + "baby shower|shower|christening|engagement party|recital|concert)\\b",
            Pattern.CASE_INSENSITIVE);
    /** When something happens or happened, as texting says it: "on the 18th", "in april", "5-7 nov", "last week". */
    private static final String WHEN = "\\b(?:on the \\d{1,2}(?:st|nd|rd|th)?|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
            + "nov|dec)[a-z]*|in (?:spring|summer|autumn|fall|winter)|(?:next|this|last) (?:week|month|year|weekend|night|"
            + "morning|summer|winter)|over (?:xmas|christmas|easter|the summer|new year)|yesterday|today|tonight|tomorrow|tmrw|"
            + "\\d+ (?:days?|weeks?|months?|years?) ago|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|"
            + "sep|oct|nov|dec)[a-z]*|\\d{1,2}-\\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
            + "|on (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:last |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
            + "|(?:end|start|beginning|middle) of (?:the )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|month|year)[a-z]*"
            + "|next (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:this|next|last) yr|at half term"
            + "|in \\d+ (?:days?|weeks?|months?|years?))\\b";
    /** Texting drops the "I": "flying to porto on the 12th", "can't stand coriander", "allergic to penicillin". */
    private static final Pattern WITHOUT_SUBJECT = Pattern.compile(
            "^(?:(?:flying|going|heading|driving|moving|travelling|traveling|leaving|off)\\s+(?:to|back|home|for|abroad)\\b"
                    + "|(?:can'?t stand|cannot stand|love(?! (?:that|it|this|you|u)\\W*$)|hate|loathe|adore|allergic to|not a fan of|obsessed with|big fan of|"
                    + "alergic to|\\w+ allergy|lactose intolerant|gluten intolerant|big \\w+ fan(?=\\s*,|\\W*$)|"
                    + "planning to|plan to|(?:just )?(?:graduated|got (?:into|accepted (?:to|into|at)|a place at)\\b.*\\b(?:programme|program|course|school|"
                    + "college|uni|university|academy|team)|finished (?:my|the) (?:degree|phd|"
                    + "masters|course|exams?|thesis|training|apprenticeship)|passed (?:my|the) (?:\\w+ )?(?:test|exam|bar|boards))|(?:don'?t|dont) (?:live|work|eat|drink|smoke|drive|have|own|play|go|use|take|speak|study|do)\\b[\\w ]{0,20} anymore|"
                    + "vegan|vegetarian|pescatarian|teetotal|sober|diabetic|"
                    + "married|engaged|divorced|pregnant|retired|no longer|not\\s+[\\w ]{1,20}\\s+anymore|"
                    + "started|quit|changed jobs|new job|got (?:a|the|my|engaged|married|promoted|fired|made)|"
                    + "(?:we )?broke up|split up|moved|no more|switched to|(?:fav|favou?rite) \\w+|(?:shoe|dress|ring) size)\\b"
                    + "|^(?:broke|got|had|lost|won|passed|failed|finished|met|went|came|bought|sold|closed|ran|did|graduated|"
                    + "joined|adopted|moved|started|(?:gonna|going to)(?! (?:rain|snow|be|watch|grab|get|have)\\b)(?!.*\\b(?:tonight|today|rn)\\b))\\b.*"
                    + WHEN
                    + "|^(?!(?:morning|evening|nothing|something|anything|everything|raining|snowing)\\b)\\w+ing\\b.*" + WHEN
                    // One's own appointments may be "the dentist"; "the match", "the service" are anyone's.
                    + "|(?:(?:[\\w']+\\s+)?(?:dentist|doctor|drs|gp|appointment|appt|interview|exam|flight|surgery|haircut|physio|"
                    + "therapy|vet|check-?up|mot|parents evening)|(?:(?!the\\b|a\\b|an\\b|that\\b|this\\b)[\\w']+\\s+)?(?:meeting|"
                    + "dinner|lunch|brunch|date|party|wedding|conference|concert|gig|class|course|trip|holiday|match|game|evening|"
                    + "service))\\b.*(?:\\b(?:on|at|tomorrow|tmrw|tonight|next|this|"
                    + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|thurs|fri|sat|sun)\\b|" + WHEN + "|\\d))",
            Pattern.CASE_INSENSITIVE);
    /** A taste or a change, wherever it stands: "a hard no for me", "not a morning person", "got pushed back". */
    private static final Pattern TASTE_OR_CHANGE = Pattern.compile(
            "\\b(?:got |been )?(?:pushed back|postponed|cancelled|canceled|rescheduled|brought forward)\\b"
                    + "|\\bis due\\b.*\\d|\\bhard (?:no|pass)\\b|\\bnot a \\w+ person\\b|\\b(?:destroys|kills) me\\b"
                    + "|\\bno more\\b.*\\bfor me\\b|\\bswitched to\\b|\\bfor me\\b.*\\b(?:always|never)\\b"
                    + "|\\b(?:always|never) (?:on|for|in|with|before|after)\\b"
                    // routines of someone, not "it rains every day here"
                    + "|^(?!(?:it|it's|there|that|this|same|every)\\b).*\\b(?:every|most) (?:weekday|day|morning|evening|night|weekend|week|"
                    + "mon|tue|wed|thu|fri|sat|sun)[a-z]*"
                    + "|\\b(?:passport|visa|licen[cs]e|lease|contract|insurance|membership|subscription|card|id|mot|warranty)\\b"
                    + ".*\\b(?:expires?|expiring|renews?|renewal|runs out)\\b"
                    + "|^(?:my |our |[\\p{L}]+'s )?(?:payday|pay day|rent|bin day|bins|trash|recycling|bills?|mortgage|direct debit)"
                    + "\\b[\\w' ]{0,20} (?:is|are) (?:due )?(?:on )?the \\d{1,2}(?:st|nd|rd|th)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Asking, asking for something, or imagining: nothing to remember, however personal it sounds. */
    private static final Pattern NOT_A_STATEMENT = Pattern.compile(
            "^\\s*(?:/|if\\b|what if\\b|imagine\\b|suppose\\b|maybe one day\\b|in another life\\b|"
                    + "i wish\\b|if only\\b|remind me\\b|can you\\b|could you\\b|would you\\b|will you\\b|"
                    + "please\\b|pls\\b|plz\\b|find\\b|search\\b|tell me\\b|show me\\b|give me\\b|help me\\b|write\\b|set\\b|"
                    + "look up\\b|do you\\b|did you\\b|are you\\b|is it\\b|how\\b|what\\b|when\\b|where\\b|who\\b|why\\b|"
                    + "which\\b|should i\\b|can i\\b|do i\\b|is my\\b|are my\\b|does\\b|wonder|would\\b|could\\b|should\\b|"
                    + "shall\\b|am i\\b|is there\\b|are there\\b|do we\\b|have i\\b|draft\\b|reply\\b|send\\b|text\\b|email\\b|"
                    + "book (?:a|an|me|us|the|it)\\b|order\\b|add\\b|make\\b|create\\b|schedule\\b|cancel\\b|check\\b|note\\b|ask\\b|get me\\b|"
                    + "need you to\\b|translate\\b|explain\\b|summari[sz]e\\b|list\\b)",
            Pattern.CASE_INSENSITIVE);
    /** What someone else holds in general ("my mum always says never trust…"): not a fact of anyone's life. */
    private static final Pattern HEARSAY = Pattern.compile("^(?:my|our)\\s+[\\w']+\\s+(?:always (?:says|tells me)|reckons|"
            + "swears)\\b(?!.*\\b(?:i'm|i am|i|my|me|we|we're|our|us|she|she's|her|he|he's|his|they|they're|their)\\b)"
            + "|^(?:my|our)\\s+[\\w']+\\s+says\\s+(?:hi|hello|hey|thanks|thank you|bye|good ?night|good morning|dinner is ready)\\b"
            + "|^my (?:character|avatar|horoscope|sims?|fantasy team)\\b"
            + "|^i (?:read|heard|saw) (?:that|somewhere|online)\\b(?!.*\\b(?:my|our|me|we)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** How someone is right now ("i'm so tired", "im hungry lol"): true today, gone tomorrow. */
    private static final Pattern MOMENTARY = Pattern.compile(
            "^\\s*(?:i'?m|i am|im|feeling|so|just|now)\\s+(?:so |really |very |kinda |kind of |a bit |super |pretty |soo+ )?"
                    + "(?:tired|hungry|bored|sleepy|exhausted|stressed|sick|cold|hot|busy|late|here|back|home|done|ok|okay|fine|good|"
                    + "great|awake|up|off|out|starving|freezing|boiling|meh|rough|unwell|ill|better|worse|full|stuffed|knackered|sad|happy|excited|nervous|annoyed|confused|lost|running late|"
                    + "on my way|outside|at work|in bed|at the gym)\\b(?:\\s+(?:lol|rn|atm|today|tonight|again|already|haha|tbh|"
                    + "ngl|af|omg))*\\W*$"
                    + "|^i (?:need|want|could do with|fancy) (?:a |an |some )?(?:coffee|tea|drink|nap|break|holiday|vacation|beer|"
                    + "wine|snack|sleep|shower|wee)\\b"
                    + "|^my \\w+ (?:is|are|was|keeps) (?:so|soo+|really|super|being|acting|down|broken|dead|playing up|slow)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SMALL_TALK = Pattern.compile("(?i)^\\W*(?:(?:hi|hey|hello|yo|thanks|thank you|thx|ok|okay|"
            + "cool|nice|great|good (?:morning|night|evening)|bye|lol|haha)\\W*)+$");
    private static final Pattern CORRECTION = Pattern.compile(
            "^\\s*(actually|correction|no,|sorry,|i meant)\\b|,\\s*not\\s+\\w+|\\bno longer\\b|\\banymore\\b|\\binstead\\b"
                    + "|\\bnot\\s+\\w+\\s*[.!]?$|\\b(moved|changed|switched)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_NOISE = Pattern.compile(
            "^\\s*(actually|correction|no(?! longer| more)|scrap that|scratch that|sorry|oh|btw|by the way|also|and|so|well|fyi|just so you know|"
                    + "remember that|please remember that|don't forget that|note that)\\b[,:]?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Every run of leading filler at once ("ok so actually, "), for matching what follows it. */
    private static final Pattern LEADING_NOISE_ONE = Pattern.compile(
            "^\\s*(?:actually|correction|no(?! longer| more)|scrap that|scratch that|sorry|oh|btw|by the way|also|and|so|well|fyi|just so you know|ok|okay|"
                    + "update|heads up|omg|ugh|lol|haha|yeah|yes|yep|hey|hi|anyway|anyways|wait|brb|ps|oops|"
                    + "please remember that|remember that|please note(?: that)?|note that|don't forget that)\\b[,:!.]?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** How people text that something holds for now: "today", "at the moment", "for work", "for the summer". */
    static final String FOR_NOW = "at the moment|atm|rn|this week(?:end)?|today|tonight|for (?:work|a (?:week|few days|bit|"
            + "while|month)|the (?:week(?:end)?|summer|winter|holidays))";
    /**
     * What fills no slot: a state or a moment ("my boss is on holiday", "my sister is pregnant", "my kids' school is
     * closed today"), a kind of place rather than which ("i live in a flat"), a stay ("for work", "for the summer"),
     * a when ("my mom's birthday is next week"), or where one works rather than for whom ("i work at home").
     */
    private static final Pattern NOT_A_VALUE = Pattern.compile("^(?:on|off|away|so|very|really|too|not|now|currently|still|"
            + "pregnant|sick|ill|unwell|allergic|late|early|busy|free|ready|closed|open|out|home|back|here|there|next|"
            + "coming|going|getting|having|doing|written|broken|dead|asleep|awake|tired|fine|ok|okay|great|good|bad|"
            + "happy|sad|angry|due|a|an|nights?|weekends?|\\d+\\s*(?:hours?|hrs?|days?)|\\w+ing)\\b"
            + "|\\b(?:now|" + FOR_NOW + ")\\W*$|\\bfor (?:work|the summer|a while)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Longer sentences are not read by these rules: they are for what people text, and stay linear on it. */
    static final int LONGEST_SENTENCE = 500;
    /** A contrast after a comma ("my sister is Ana, not Anna"); never a "not" that negates ("I'm not vegan anymore"). */
    private static final Pattern TRAILING_NOT = Pattern.compile(",\\s*not\\s+(?![\\w' -]*\\banymore\\b)[\\w' -]{1,40}[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * Checked in order, over the cleaned, lower-cased statement, with "the user" read as "I". Where one lives
     * or works is a slot only when said of oneself: "my sister lives in Porto" must not replace "I live in
     * Braga".
     */
    private static final List<Slot> SLOTS = List.of(
            new Slot("name", "^(?:my name is|call me|i'm called|i am called|i go by)\\s+(.+)"),
            new Slot("residence", "^i\\s+(?:now\\s+|currently\\s+|recently\\s+|just\\s+)?(?:live|lives|moved|relocated|am living|'m living|am based|'m based)\\s+(?:in|to)" + Corrections.NOT_A_MOVE + "\\s+(.+)"),
            new Slot("employer", "^i\\s+(?:now\\s+|currently\\s+|recently\\s+|just\\s+)?(?:work|works|started working|started|am working|'m working)\\s+(?:at|for)\\s+(.+)"),
            new Slot("age", "^i(?:'m| am)\\s+(\\d{1,3})(?:\\s+years old)?$"),
            new Slot(null, "\\bmy\\s+([\\w' -]{1,40}?)\\s+(?:is|are|was)\\s+(?:called\\s+|named\\s+)?(.+)"));
    private static final Set<String> STOP = Set.of("a", "an", "the", "is", "are", "was", "were", "i", "my", "me", "to",
            "of", "and", "in", "on", "at", "for", "it", "that", "this", "be", "am", "'s", "with", "as", "by", "not");

    private Statements() {
    }

    /**
     * The statements of a message that tell something lasting about the person or their people — questions,
     * requests, hypotheticals and momentary states left out — as written.
     */
    static List<String> factualSentences(String message) {
        List<String> found = new ArrayList<>();
        for (String sentence : SENTENCE.split(message.strip())) {
            String s = sentence.strip();
            if (s.length() > LONGEST_SENTENCE) {
                continue;
            }
            String core = withoutLeadingNoise(s.replaceAll("\\([^()]*\\)", ""));
            if (s.length() < 6 || s.endsWith("?") || NOT_A_STATEMENT.matcher(core).find() || MOMENTARY.matcher(core).find()
                    || HEARSAY.matcher(core).find()) {
                continue;
            }
            if (FIRST_PERSON_FACT.matcher(s).find() || THEIR_PEOPLE.matcher(core).find() || NAMED_PERSON.matcher(core).find()
                    || SOMEONES_DAY.matcher(s).find() || WITHOUT_SUBJECT.matcher(core).find()
                    || TASTE_OR_CHANGE.matcher(core).find()) {
                found.add(s);
            }
        }
        return found;
    }

    /** A question, or a request to the assistant ("remind me about the dentist friday"): it states nothing. */
    static boolean isQuestionOrRequest(String text) {
        if (text.length() > LONGEST_SENTENCE) {
            return false;
        }
        String core = withoutLeadingNoise(text);
        return text.strip().endsWith("?") || NOT_A_STATEMENT.matcher(core).find();
    }

    /** Strips leading filler one word at a time ("ok so actually, "), at most ten: no regex recursion on long input. */
    private static String withoutLeadingNoise(String text) {
        String s = text.strip();
        for (int i = 0; i < 10; i++) {
            String next = LEADING_NOISE_ONE.matcher(s).replaceFirst("").strip();
            if (next.equals(s)) {
                break;
            }
            s = next;
        }
        return s;
    }

    /** "hi", "thanks!", "ok cool": nothing to remember, nothing to recall. */
    static boolean isSmallTalk(String text) {
        return SMALL_TALK.matcher(text.strip()).matches();
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
        if (text.length() > LONGEST_SENTENCE) {
            return Optional.empty();
        }
        String s = clean(text).toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "")
                .replaceAll("\\bthe user's\\b", "my").replaceAll("\\bthe user\\b", "i");
        for (Slot slot : SLOTS) {
            Matcher m = slot.pattern().matcher(s);
            if (m.find()) {
                String value = slot.name() == null ? m.group(2) : m.group(1);
                if (NOT_A_VALUE.matcher(value.strip()).find()) {
                    return Optional.empty();
                }
                return Optional.of(new SlotValue(slot.name() == null ? "my " + m.group(1).strip() : slot.name(),
                        normaliseValue(value)));
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
