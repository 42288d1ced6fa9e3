package dev.mnemo.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The zero-cost stage of routing: rules over the text (and the route of the person's previous message, when
 * it was recent). Returns a route with its reason and whether the rules are sure; when they are not, the router
 * may ask the cheap model. The rules were written against {@code routing/labelled-messages.tsv} and are
 * checked against {@code routing/held-out-messages.tsv}, written apart from them (BENCHMARKS.md).
 */
final class LocalRules {
    /** Longer messages tend to carry several asks or much context: worth the smart model. */
    static final int LONG_MESSAGE_CHARS = 300;
    /** Questions this long without any signal are where the rules guess. */
    static final int UNSURE_QUESTION_CHARS = 110;
    /** "hey!" or "ok thanks" is small talk; "hey, I've been thinking about moving to Berlin…" is not. */
    static final int SMALL_TALK_CHARS = 40;
    /** A short reply right after a tool turn answers the tool agent's question. */
    static final int TOOL_ANSWER_CHARS = 60;
    static final int SCANNED_CHARS = 2000;

    record Verdict(Route route, String reason, boolean sure) {
    }

    private record Signal(String name, Pattern pattern) {
        Signal(String name, String regex) {
            this(name, Pattern.compile(regex));
        }

        boolean in(String text) {
            return pattern.matcher(text).find();
        }
    }

    private static final List<Signal> TOOL = List.of(
            new Signal("set a reminder", "^(hey |ok |okay |so |and |also |oh |pls |please |can (u|you) |could you |would you |mnemo,? )*(pls |please )?"
                    + "(remind|rmd|ping|nudge|text|message) me\\b(?! (what|who|of what|how|why|which|where))"),
            new Signal("set a reminder", "\\b(set|add|create|make|schedule) (a |an |another )?(reminder|alarm)\\b"),
            new Signal("set a reminder", "\\bremind me (to|about|at|in|on|tomorrow|tmrw|tonight|every|next|before|after)\\b"),
            new Signal("change a reminder", "\\b(cancel|delete|remove|clear|move|reschedule|snooze|turn off|change|push|postpone|stop)\\b[^.?!]{0,40}\\breminders?\\b"),
            new Signal("change a reminder", "\\bsnooze (that|it|this)\\b"),
            new Signal("list reminders", "\\b(my|any|the|which|what) (\\w+ )?reminders?\\b(?! (app|apps|feature))"),
            new Signal("list reminders", "\\breminder (list|for the|about)\\b"),
            new Signal("set a reminder", "\\bdon'?t let me forget\\b"),
            new Signal("save a memory", "^(hey |ok |so |oh |and |also |pls |please |can (u|you) |could you |mnemo,? )*(please |pls )?"
                    + "(remember|note|jot down|write down|keep in mind|save this|save that|save it|store this|store that)\\b"
                    + "(?! (when|the time|how|what|who|where|if|why|me))"),
            new Signal("save a memory", "^(please |pls )?(make a note|take a note|add (this|that) to (your )?memory|for the record)\\b"),
            new Signal("save a memory", "\\b(keep|put) (that|this|it) on file\\b|\\b(remember|save|note) (this|that) for me\\b"),
            new Signal("forget a memory", "^(hey |ok |so |oh |pls |please |can (u|you) |could you |mnemo,? )*(please |pls )?"
                    + "(forget|erase)\\b(?! (it|about it|that|this)\\s*[.!]*$)(?! (it|about it)[, ])"),
            new Signal("forget a memory", "\\b(forget|delete|erase|remove) (what|everything|all|the stuff|anything) (i|you)\\b"
                    + "|\\b(delete|remove|drop|erase) (the |that |my )?(note|memory|memories)\\b|\\bfrom (your )?memory\\b"),
            new Signal("the time", "\\bwhat(?:'s| is|s)? (the )?(current )?time\\b(?! zone)(?! (do|does|did|should|will|would|can|to))"
                    + "|\\bwhat time is it\\b|^(what(?:'s| is|s)? )?(the )?(current )?time (is it )?in [a-z]|\\bcurrent time\\b|\\btime now\\b"),
            new Signal("the date", "\\bwhat(?:'s| is|s)? (the )?date( is it)?( today| now)?\\b(?! (of|when|did|was|will))"
                    + "|\\bwhat day of the week is it\\b|\\bwhat day of the week\\??$|\\btoday'?s date\\b|^what(?:'s| is|s) today\\??$"
                    + "|\\bwhat day is (it|today)\\b"));

    private static final List<Signal> COMPLEX = List.of(
            new Signal("planning", "\\b(plan|planning|strategy|roadmap|itinerary|schedule my|organi[sz]e (my|the|a|prep)|routine|timeline|study plan|training plan|budget)\\b"),
            new Signal("analysis", "\\b(analy[sz]e|compare|comparison|evaluate|pros and cons|trade-?offs?|tradeoffs|vs\\.?|versus|which (one )?(is better|would you pick|should i)|what could explain|break (it )?down)\\b"),
            new Signal("writing", "\\b(write|writing|draft|rewrite|redo|reword|rephrase|tighten|proofread|essay|cover letter|resignation letter|proposal|outline|toast|speech|eulogy|story|poem|bio|newsletter|policy)\\b(?! (today|yesterday|last))"),
            new Signal("writing", "\\b(email|message|text|letter|note|reply|post) (to|for) (my|a|the|our|his|her)\\b"),
            new Signal("advice", "\\b(should i|help me (decide|think|choose|figure|prepare|prep|negotiate|organi[sz]e|understand)|advice on|what would you (recommend|do|pick)|is it worth|how (do|should|can) i (bring|approach|handle|deal|prepare|negotiate|convince|tell|talk|start|get|split|manage|cope|balance|stop|fix))\\b"),
            new Signal("explanation", "\\b(explain|how does .{3,40} work|why (does|do|is|are) .{3,60} (so|work|fail|happen))\\b"),
            new Signal("code", "```|`[^`]+`|\\bstack ?trace\\b|\\btraceback\\b|\\bexception\\b|\\bdebug\\b|\\bregex\\b|\\bsql\\b|\\bnull ?pointer|\\b(function|method|class|component|query|container|script|bug)\\b.{0,200}\\b(fails?|error|why|fix|hangs?|crash(es)?|breaks?)\\b|\\b[a-z]+\\([^)\\n]{0,200}\\)\\s*(\\{|=>|;)"),
            new Signal("step by step", "\\b(walk me through|step by step|in depth|in detail|detailed|thorough(ly)?|the details|all of it)\\b"),
            new Signal("rework", "\\b(make (it|that|this|the \\w+) (shorter|longer|funnier|more|less|sound)|more formal|less formal|expand (on )?(point|that|it|this)|go deeper|another version|different versions?|\\d+ (different )?versions)\\b"));

    /** Refers to Mnemo's earlier answer: a follow-up, complex when that answer was. */
    private static final Signal FOLLOW_UP = new Signal("follow-up", "^(ok |okay |and |but |so |now |hmm |alright )*(what about|how about|what if|and if|can you (redo|change|adjust|make|add|remove|expand|shorten)|could you (redo|change|adjust|make|add)|now (make|translate|do|add|change)|expand|go deeper|which one|the (first|second|third|last) (one|option)|option \\d|why not|instead\\b)|\\b(you (gave|wrote|suggested|said) (me )?(earlier|before|above)?|the (plan|list|email|draft|toast|speech|letter|message|itinerary|budget|options?) you)\\b");
    /** What answers a tool agent's question: a time, or a go-ahead. */
    private static final Signal TOOL_ANSWER = new Signal("tool answer", "\\b(today|tonight|tomorrow|tmrw|morning|afternoon|evening|noon|midnight"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|\\d{1,2}(:\\d{2})? ?(am|pm|h)|at \\d{1,2}"
            + "|in \\d+ (min|minutes|hours?|days?|weeks?))\\b|^(yes|yeah|yep|sure|ok|okay|do it|please do|go ahead)\\W*$");
    private static final Signal SMALL_TALK = new Signal("small talk", "^(hi|hey|hello|hola|oi|yo|gm|gn|good (morning|night|evening|afternoon)|thanks?|thx|ty|thank (u|you)|ok(ay)?|k|cool|nice|lol|haha|sure|yes|yep|yeah|no|nope|np|bye|ttyl|brb|omg|wow)\\b");

    Verdict judge(String text, Route previous) {
        String trimmed = text.strip();
        if (trimmed.startsWith("/")) {
            return new Verdict(Route.COMMAND, "slash command", true);
        }
        // Past this length the message is long anyway; the patterns need not scan all of it.
        String lower = trimmed.substring(0, Math.min(trimmed.length(), SCANNED_CHARS)).toLowerCase(Locale.ROOT).replace('’', '\'');
        boolean followUp = FOLLOW_UP.in(lower);
        if (followUp && previous == Route.COMPLEX) {
            // "can you remove the second point?" reworks the last answer; it is not a memory to forget.
            return new Verdict(Route.COMPLEX, "follow-up to a complex thread", true);
        }
        Optional<Signal> tool = first(TOOL, lower);
        Optional<Signal> complex = first(COMPLEX, lower);
        if (tool.isPresent() && complex.isPresent()) {
            // "plan my week and remind me…": whichever the rules pick, one part may be lost; let the model choose.
            return new Verdict(Route.TOOL, tool.get().name() + " and " + complex.get().name(), false);
        }
        if (tool.isPresent()) {
            return new Verdict(Route.TOOL, tool.get().name(), true);
        }
        if (trimmed.length() > LONG_MESSAGE_CHARS) {
            return new Verdict(Route.COMPLEX, "long message", true);
        }
        if (complex.isPresent()) {
            return new Verdict(Route.COMPLEX, complex.get().name() + " request", true);
        }
        if (previous == Route.TOOL && trimmed.length() <= TOOL_ANSWER_CHARS && TOOL_ANSWER.in(lower)) {
            // "tomorrow at 6pm" or "yes, do it", after the tool agent asked when or whether.
            return new Verdict(Route.TOOL, "answer in a tool thread", true);
        }
        boolean smallTalk = SMALL_TALK.in(lower) && trimmed.length() <= SMALL_TALK_CHARS;
        if (followUp && previous == null) {
            return new Verdict(Route.COMPLEX, "follow-up, earlier thread unknown", false);
        }
        if (smallTalk || trimmed.length() < UNSURE_QUESTION_CHARS) {
            return new Verdict(Route.SIMPLE, "no complex signal", true);
        }
        // A long question without any signal usually carries context and several asks: guess the smart model.
        return new Verdict(Route.COMPLEX, "longer message without a signal", false);
    }

    private static Optional<Signal> first(List<Signal> signals, String text) {
        return signals.stream().filter(s -> s.in(text)).findFirst();
    }
}
