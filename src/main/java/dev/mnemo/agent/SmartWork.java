package dev.mnemo.agent;

import dev.mnemo.llm.ChatTurn;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which complex requests are worth the smart model: producing a piece of writing (a letter, a speech, a rewrite),
 * a multi-step plan (a trip, a week, a training or study plan, a budget) or code (a fix, a stack trace, a query).
 * Advice, decisions, comparisons and explanations get the cheap model with the complex route's room to think.
 * Measured on the labelled complex messages (BENCHMARKS.md, "Which complex requests get the smart model").
 */
final class SmartWork {
    private static final Pattern CODE = Pattern.compile("`|\\b[A-Z]\\w*(Exception|Error)\\b|\\bTraceback\\b|\\bSELECT\\b.+\\bFROM\\b|=>"
            + "|\\bdef \\w+\\(|\\w\\(\\)|(?i:\\b(sql|regex(es)?|docker\\w*|python|javascript|typescript|kotlin|"
            + "react (component|app|hook)s?|spring boot|use(Effect|State)|(my|this|a|the|bash|python|shell) script|"
            + "stack trace|source code|my code|the code|this code|home server)\\b)");
    private static final Pattern WRITING = Pattern.compile("(?i)(\\b(help me )?(write|draft|rewrite|redo|rephrase|"
            + "translate|proofread|polish) (me |us )?(a|an|my|our|the|this|that|it|\\d+|some|three|two)\\b|\\b(rewrite|redo|"
            + "rephrase|tighten|expand|translate)\\b|\\b(make|turn) (it|that|this|the \\w+) (shorter|longer|funnier|more|less|"
            + "into|sound)\\b|\\b(cover letter|eulogy|toast for|speech for|(bedtime|short) story|story (for|about)|linkedin post)\\b)");
    private static final Pattern PLAN = Pattern.compile("(?i)(\\bplan (a|an|my|our|the|out|for)\\b|\\b(meal|study|"
            + "training|step[- ]by[- ]step|\\d+[- ]week) plan\\b|\\b(itinerary|agenda|roadmap|rotation)\\b|\\boutline (a|an|my|the)\\b|"
            + "\\borgani[sz]e (the|my|a|prep|our)\\b|\\bstructure (a|an|my|the)\\b|"
            + "\\b(need|make|build|create|give me) (me )?a (monthly |weekly )?budget\\b|\\b(writing|study) routine\\b)");
    /** A short follow-up ("what if the budget is half that?") reworks the answer before it. */
    static final int FOLLOW_UP_CHARS = 80;

    private SmartWork() {
    }

    static boolean needsSmart(String text) {
        return CODE.matcher(text).find() || WRITING.matcher(text).find() || PLAN.matcher(text).find();
    }

    /** The message, or for a short follow-up the person's message before it, asks for smart work. */
    static boolean needsSmart(String text, List<ChatTurn> history) {
        if (needsSmart(text)) {
            return true;
        }
        if (text.strip().length() > FOLLOW_UP_CHARS) {
            return false;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == ChatTurn.Role.USER) {
                return needsSmart(history.get(i).text());
            }
        }
        return false;
    }
}
