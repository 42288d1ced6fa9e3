package dev.mnemo.routing;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The cheap model as a classifier: one word out, a few tokens, billed to the message as {@code ROUTER}. */
@Component
class ModelClassifier {
    private static final Logger log = LoggerFactory.getLogger(ModelClassifier.class);
    /** Enough for the word; the classification never needs the whole of a long message. */
    private static final int MAX_OUTPUT_TOKENS = 5;
    private static final int MAX_INPUT_CHARS = 1200;
    private static final Pattern ROUTE_WORD = Pattern.compile("(?i)\\b(SIMPLE|COMPLEX|TOOL)\\b");

    private final LanguageModels models;
    private final Prompts prompts;

    ModelClassifier(LanguageModels models, Prompts prompts) {
        this.models = models;
        this.prompts = prompts;
    }

    boolean available() {
        return models.configured();
    }

    /** The model's route, or why there is none (the model could not be reached, or answered something else). */
    record Outcome(Route route, String failure) {
    }

    Outcome classify(RouteRequest request) {
        String text = request.text().length() > MAX_INPUT_CHARS ? request.text().substring(0, MAX_INPUT_CHARS) : request.text();
        try {
            String answer = models.chat(new ModelRequest(request.userId(), request.messageId(), "ROUTER", ModelTier.CHEAP,
                    prompts.render("route-classify", Map.of()), List.of(ChatTurn.user(text)), List.of(), List.of(),
                    MAX_OUTPUT_TOKENS, false)).text();
            // "**TOOL**", "Route: COMPLEX" and a bare "simple" all count; prose without one of the words does not.
            Matcher word = ROUTE_WORD.matcher(answer);
            if (word.find()) {
                return new Outcome(Route.valueOf(word.group(1).toUpperCase(Locale.ROOT)), null);
            }
            log.warn("The router model answered '{}', not a route; using the local rules' guess", abbreviate(answer));
            return new Outcome(null, "model gave no route");
        } catch (ModelUnavailableException e) {
            log.warn("The router model is unavailable ({}); using the local rules' guess", e.getMessage());
            return new Outcome(null, "model unavailable");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
