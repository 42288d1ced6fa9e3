package dev.mnemo.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The zero-cost stage of routing: rules over the text alone. Slash commands, and long or
 * planning/analysis/writing/advice/code requests are recognised; everything else is simple. (No rule
 * routes to {@link Route#TOOL} until there are tools to use.)
 */
@Component
class LocalRulesRouter implements Router {
    /** Longer messages tend to carry several asks or much context: worth the smart model. */
    static final int LONG_MESSAGE_CHARS = 400;

    private static final List<Signal> COMPLEX = List.of(
            new Signal("planning", "\\b(plan|planning|strategy|roadmap|itinerary|schedule my)\\b"),
            new Signal("analysis", "\\b(analy[sz]e|compare|evaluate|pros and cons|trade-?offs?|explain why)\\b"),
            new Signal("writing", "\\b(write|draft|rewrite|essay|cover letter|proposal|outline)\\b"),
            new Signal("advice", "\\b(should i|help me decide|advice on|what would you recommend)\\b"),
            new Signal("code", "```|\\bstack trace\\b|\\bdebug\\b"));

    private record Signal(String name, Pattern pattern) {
        Signal(String name, String regex) {
            this(name, Pattern.compile(regex));
        }
    }

    @Override
    public RouteDecision route(String userId, String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("/")) {
            return new RouteDecision(Route.COMMAND, "slash command");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (trimmed.length() > LONG_MESSAGE_CHARS) {
            return new RouteDecision(Route.COMPLEX, "long message");
        }
        for (Signal signal : COMPLEX) {
            if (signal.pattern().matcher(lower).find()) {
                return new RouteDecision(Route.COMPLEX, signal.name() + " request");
            }
        }
        return new RouteDecision(Route.SIMPLE, "no complex signal");
    }
}
