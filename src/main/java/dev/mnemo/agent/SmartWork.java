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
            + "|\\bdef \\w+\\(|(?i:\\b(sql|regex(es)?|docker\\w*|python|java|javascript|typescript|js|kotlin|react|"
            + "spring boot|script|function|compiles?|stack trace|source code|my code|the code|this code)\\b)");
    private static final Pattern WRITING = Pattern.compile("(?i)(\\b(write|draft|rewrite|redo|rephrase|tighten|"
            + "translate|proofread|polish|expand)\\b|\\b(make|turn) (it|that|this|the \\w+) (shorter|longer|funnier|"
            + "more|less|into|sound)\\b|\\b(cover letter|speech|toast|eulogy|poem|story|linkedin post)\\b)");
    private static final Pattern PLAN = Pattern.compile("(?i)(\\b(plan|itinerary|agenda|schedule|routine|roadmap|"
            + "outline|step[- ]by[- ]step|organi[sz]e|rotation|structure)\\b|\\ba (monthly |weekly )?budget\\b)");
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
