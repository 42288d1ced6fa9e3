package dev.mnemo.memory.write;

import dev.mnemo.llm.BudgetSpentException;
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
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds candidate memories in the person's messages: with the model when one is configured, one call for a whole
 * burst of exchanges (third-person statements, corrections flagged, importance scored), otherwise — or when the
 * model fails or answers unusably — the statements about the person and their people that {@link Statements}
 * finds in how they text.
 */
@Component
public class CandidateExtractor {
    private static final Logger log = LoggerFactory.getLogger(CandidateExtractor.class);
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
    /** Room for a burst's answer: 400 tokens an exchange (a few statements in JSON), at least 512, at most this. */
    static final int MAX_OUTPUT_TOKENS = 2048;

    private final LanguageModels models;
    private final Prompts prompts;
    private final MeterRegistry meters;

    public CandidateExtractor(LanguageModels models, Prompts prompts, MeterRegistry meters) {
        this.models = models;
        this.prompts = prompts;
        this.meters = meters;
    }

    /** One exchange of a burst: the person's message and the reply it got (null when none). */
    record Exchange(String messageId, String userText, String replyText) {
    }

    /** A candidate and the message it was taken from. */
    record Sourced(Candidate candidate, String messageId) {
    }

    /** False in offline mode: then the statements are all there is. */
    boolean modelConfigured() {
        return models.configured();
    }

    /** What the offline statements find in the person's message, stored at once while the model's reading waits. */
    static List<Candidate> offline(String userText) {
        return isChatter(userText) ? List.of() : fromStatements(userText);
    }

    /** With a model, its reading of the burst; without one, or when it fails, the offline statements of each message. */
    List<Sourced> extract(String userId, List<Exchange> burst) {
        if (models.configured()) {
            try {
                Optional<List<Sourced>> read = fromModel(userId, burst);
                if (read.isPresent()) {
                    return read.get();
                }
            } catch (ModelUnavailableException e) {
                log.warn("Memory extraction for message {} falls back to statements: {}", burst.getLast().messageId(),
                        e.getMessage());
                fellBack("unavailable");
            }
        }
        List<Sourced> sourced = new ArrayList<>();
        for (Exchange exchange : burst) {
            offline(exchange.userText()).forEach(c -> sourced.add(new Sourced(c, exchange.messageId())));
        }
        return sourced;
    }

    /**
     * The model's reading of the burst in one call, importance included; empty when its answer was unusable or the
     * month's budget is spent (each counted). Messages the cost gate lets pass ({@link #worthReading}) are read;
     * with none left there is no call.
     *
     * @throws ModelUnavailableException when the model could not answer: a burst is read again later
     */
    Optional<List<Sourced>> fromModel(String userId, List<Exchange> burst) {
        List<Exchange> read = burst.stream().filter(e -> !isChatter(e.userText()) && worthReading(e.userText())).toList();
        if (read.isEmpty()) {
            return Optional.of(List.of());
        }
        String lastId = read.getLast().messageId();
        try {
            StringBuilder exchanges = new StringBuilder();
            for (int i = 0; i < read.size(); i++) {
                String reply = read.get(i).replyText();
                exchanges.append(i == 0 ? "" : "\n\n").append("Exchange ").append(i + 1).append(". The person said:\n")
                        .append(read.get(i).userText())
                        .append(reply == null ? "" : "\nThe assistant answered:\n"
                                + (reply.length() > REPLY_CHARS ? reply.substring(0, REPLY_CHARS) + " […]" : reply));
            }
            String answer = models.chat(new ModelRequest(userId, lastId, "MEMORY_EXTRACT", ModelTier.CHEAP,
                    prompts.render("memory-extract", Map.of("user", userId)), List.of(ChatTurn.user(exchanges.toString())),
                    List.of(), List.of(), Math.min(MAX_OUTPUT_TOKENS, Math.max(512, 400 * read.size())), false)).text();
            JsonNode items = ModelJson.parse(answer).map(json -> json.get("memories")).orElse(null);
            if (items == null || !items.isArray()) {
                log.warn("Memory extraction for message {}: the model's answer was not the JSON asked for", lastId);
                fellBack("unusable");
                return Optional.empty();
            }
            List<Sourced> candidates = new ArrayList<>();
            for (JsonNode item : items) {
                String text = item.path("text").asString("").strip();
                if (text.isEmpty()) {
                    continue;
                }
                List<String> tags = new ArrayList<>();
                item.path("tags").forEach(t -> tags.add(t.asString("")));
                // One exchange read: its statements are its. Of several, one naming none is of no known message.
                int exchange = item.path("exchange").asInt(read.size() == 1 ? 1 : 0);
                if (exchange < 1 || exchange > read.size()) {
                    // Whose message it came from decides what a /forget removes: a statement of no exchange is dropped.
                    continue;
                }
                int importance = item.path("importance").asInt(0);
                candidates.add(new Sourced(new Candidate(text, MemoryKind.parse(item.path("kind").asString("fact")),
                        importance >= 1 && importance <= 10 ? importance : 0, tags,
                        item.path("correction").asBoolean(false) || Statements.isCorrection(text)),
                        read.get(exchange - 1).messageId()));
            }
            return Optional.of(candidates);
        } catch (BudgetSpentException e) {
            fellBack("budget");
            return Optional.empty();
        }
    }

    /** Greetings, thanks and commands carry nothing to remember. */
    private static boolean isChatter(String userText) {
        return Statements.isSmallTalk(userText) || userText.strip().startsWith("/");
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
}
