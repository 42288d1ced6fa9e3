package dev.mnemo.memory.write;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.MemoryKind;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds candidate memories in an exchange: with the model when one is configured (third-person statements,
 * corrections flagged), otherwise — or when the model fails or answers unusably — the statements about the person
 * and their people that {@link Statements} finds in how they text.
 */
@Component
public class CandidateExtractor {
    private static final Logger log = LoggerFactory.getLogger(CandidateExtractor.class);
    /** Greetings and thanks carry nothing to remember: no model call for them. */
    /** Someone is talking about themselves or their people: the only messages the model reads for memories. */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i)\\b(i|i'm|im|i've|ive|i'd|i'll|my|mine|myself|we|we're|we've|our)\\b");
    /** How requests for facts and tasks start ("define…", "convert…", "tell me a joke"): nothing about anyone. */
    private static final Pattern REQUEST = Pattern.compile(
            "(?i)^\\W*(what|who|when|where|why|how|which|is|are|can|could|would|do|does|did|define|convert|translate|"
                    + "tell|give|explain|write|list|show|calculate|spell|find|help|make|plan|compare|summari[sz]e|draft|pls|please)\\b");
    static final int PERSONAL_REQUEST_CHARS = 50;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\n])\\s*");
    /**
     * The reply is context only ("never the assistant's suggestions"): a long one is cut, since the extractor
     * reads every exchange and a complex reply would otherwise triple its cost.
     */
    static final int REPLY_CHARS = 600;

    private final LanguageModels models;
    private final Prompts prompts;
    private final MeterRegistry meters;

    public CandidateExtractor(LanguageModels models, Prompts prompts, MeterRegistry meters) {
        this.models = models;
        this.prompts = prompts;
        this.meters = meters;
    }

    public List<Candidate> extract(String userId, String messageId, String userText, String replyText) {
        if (Statements.isSmallTalk(userText) || userText.strip().startsWith("/")) {
            return List.of();
        }
        if (models.configured()) {
            if (!worthReading(userText)) {
                return List.of();
            }
            try {
                return fromModel(userId, messageId, userText, replyText);
            } catch (ModelUnavailableException e) {
                log.warn("Memory extraction for message {} falls back to statements: {}", messageId, e.getMessage());
                fellBack("unavailable");
            }
        }
        return fromStatements(userText);
    }

    /**
     * Cost gate before the model: a message made only of questions ("what's my sister's name again?") or a
     * short request ("define serendipity", "how do I say thanks in Portuguese") tells nothing new
     * about the person. What it lets through: anything with a statement about them or their people ("Ana
     * works nights now", "I moved to Porto"). A fact this skips still reaches memory when said again, or with
     * /remember.
     */
    static boolean worthReading(String userText) {
        for (String sentence : SENTENCE_END.split(userText.strip())) {
            String s = sentence.strip();
            if (s.isEmpty() || s.endsWith("?")) {
                continue;
            }
            // A request can still carry facts ("help me plan my wedding, it's in June and we have 80 guests"):
            // read the personal ones long enough to hold more than the ask.
            if (!REQUEST.matcher(s).find() || PERSONAL.matcher(s).find() && s.length() >= PERSONAL_REQUEST_CHARS) {
                return true;
            }
        }
        return false;
    }

    /** The offline statements stood in for the model: counted, so a model that keeps failing shows. */
    private void fellBack(String reason) {
        meters.counter("mnemo.memory.extraction.fallbacks", "reason", reason).increment();
    }

    /** What the person explicitly asked to be remembered, as they said it. */
    public static Candidate explicit(String text) {
        String cleaned = Statements.clean(text);
        return new Candidate(cleaned, Statements.kindOf(cleaned), 0, List.of(), Statements.isCorrection(text));
    }

    /** The statements about the person and their people, each a candidate. */
    static List<Candidate> fromStatements(String userText) {
        List<Candidate> candidates = new ArrayList<>();
        for (String sentence : Statements.factualSentences(userText)) {
            candidates.add(new Candidate(Statements.clean(sentence), Statements.kindOf(sentence), 0, List.of(),
                    Statements.isCorrection(sentence)));
        }
        return candidates;
    }

    private List<Candidate> fromModel(String userId, String messageId, String userText, String replyText) {
        String exchange = "The person said:\n" + userText
                + (replyText == null ? "" : "\n\nThe assistant answered:\n"
                        + (replyText.length() > REPLY_CHARS ? replyText.substring(0, REPLY_CHARS) + " […]" : replyText));
        String answer = models.chat(new ModelRequest(userId, messageId, "MEMORY_EXTRACT", ModelTier.CHEAP,
                prompts.render("memory-extract", Map.of("user", userId)), List.of(ChatTurn.user(exchange)))).text();
        JsonNode items = ModelJson.parse(answer).map(json -> json.get("memories")).orElse(null);
        if (items == null || !items.isArray()) {
            log.warn("Memory extraction for message {}: the model's answer was not the JSON asked for", messageId);
            fellBack("unusable");
            return fromStatements(userText);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode item : items) {
            String text = item.path("text").asString("").strip();
            if (text.isEmpty()) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> tags.add(t.asString("")));
            candidates.add(new Candidate(text, MemoryKind.parse(item.path("kind").asString("fact")), 0, tags,
                    item.path("correction").asBoolean(false) || Statements.isCorrection(text)));
        }
        return candidates;
    }
}
