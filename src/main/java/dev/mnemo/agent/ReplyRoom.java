package dev.mnemo.agent;

import dev.mnemo.llm.Prompts;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How long a reply may be, said twice: in the prompt (what the model aims for) and as {@code max_tokens} (a
 * safety net well above it, so a reply that follows the prompt is not cut). On SMS the reply fits two
 * segments and offers the rest; when the person asks for more, it may fill ten.
 */
final class ReplyRoom {
    /**
     * Characters per token, with margin: about four in English, nearer three in Portuguese or Spanish; 2.5 leaves
     * room for either (and an emoji's several tokens).
     */
    static final double CHARS_PER_TOKEN = 2.5;
    private static final Pattern MORE = Pattern.compile("(?i)^\\W*((please|pls) )?(more|the rest|rest|continue|go on|keep going|"
            + "tell me more|send (me )?(the rest|it all|everything)|full (answer|version)|long version|details?)"
            + "( (please|pls))?\\W*$"
            + "|\\b(in (full|detail)|full (answer|version)|long version|all the details|more details?|the whole thing)\\b");

    /** @param guidance one more line for the route's guidance, or empty; {@code maxTokens} null for the route's own */
    record Room(String guidance, Integer maxTokens) {
    }

    private ReplyRoom() {
    }

    static Room of(AgentRequest request, Integer routeMaxTokens, AgentProperties properties, Prompts prompts) {
        if (request.size() == ReplySize.CHAT) {
            return new Room("", routeMaxTokens);
        }
        boolean more = MORE.matcher(request.text()).find();
        int chars = more ? properties.textMessageMoreChars() : properties.textMessageChars();
        int tokens = (int) (chars / CHARS_PER_TOKEN);
        return new Room(prompts.render(more ? "reply-sms-more" : "reply-sms", Map.of("chars", Integer.toString(chars))),
                routeMaxTokens == null || more ? tokens : Math.min(routeMaxTokens, tokens));
    }
}
