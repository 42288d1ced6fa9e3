package dev.mnemo.memory.write;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.MemoryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Scores how much a candidate matters, 1–10: the judge model when configured, else this heuristic —
 * start at 4; +3 for health and life events (allergy, diagnosis, birth, death, wedding); +2 for family and
 * close people, home and work, dates and birthdays; +1 for preferences and plans; −2 for what is about
 * today only (lunch, weather); at least 7 when the person asked for it to be remembered.
 */
@Component
public class ImportanceJudge {
    private static final Logger log = LoggerFactory.getLogger(ImportanceJudge.class);
    private static final List<Signal> SIGNALS = List.of(
            new Signal(3, "allerg|diagnos|pregnan|illness|disease|surgery|medication|born|died|passed away|funeral|wedding|married|divorce|engaged"),
            new Signal(2, "mother|mom|mum|father|dad|sister|brother|wife|husband|partner|son|daughter|girlfriend|boyfriend|grand|family"),
            new Signal(2, "live in|moved|address|home|work at|work for|job|employer|boss|career|school|university|study"),
            new Signal(2, "birthday|anniversary|\\b(19|20)\\d\\d\\b|january|february|march|april|may|june|july|august|september|october|november|december"),
            new Signal(1, "prefer|favou?rite|\\blove|\\bhate|\\bi (really )?like\\b|\\benjoy|can't stand|vegetarian|vegan"),
            new Signal(1, "plan|going to|want to|goal|deadline|next (week|month|year)"),
            new Signal(-2, "today|tonight|this morning|lunch|breakfast|weather"));

    private final LanguageModels models;
    private final Prompts prompts;

    public ImportanceJudge(LanguageModels models, Prompts prompts) {
        this.models = models;
        this.prompts = prompts;
    }

    /** The candidates with their importance set. */
    public List<Candidate> judge(String userId, String messageId, List<Candidate> candidates, boolean explicit) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<Integer> scores = null;
        if (models.configured()) {
            try {
                scores = fromModel(userId, messageId, candidates);
            } catch (ModelUnavailableException e) {
                log.warn("Importance judge falls back to the heuristic: {}", e.getMessage());
            }
        }
        List<Candidate> judged = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            int score = scores != null ? scores.get(i) : heuristic(c.text(), c.kind());
            judged.add(c.withImportance(explicit ? Math.max(7, score) : score));
        }
        return judged;
    }

    public static int heuristic(String text, MemoryKind kind) {
        String s = text.toLowerCase(Locale.ROOT);
        int score = 4;
        for (Signal signal : SIGNALS) {
            if (signal.pattern().matcher(s).find()) {
                score += signal.weight();
            }
        }
        if (kind == MemoryKind.PERSON) {
            score += 1;
        }
        return Math.max(1, Math.min(10, score));
    }

    private List<Integer> fromModel(String userId, String messageId, List<Candidate> candidates) {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            numbered.append(i + 1).append(". ").append(candidates.get(i).text()).append('\n');
        }
        String answer = models.chat(new ModelRequest(userId, messageId, "JUDGE", ModelTier.JUDGE,
                prompts.render("memory-judge", Map.of()), List.of(ChatTurn.user(numbered.toString())))).text();
        JsonNode scores = ModelJson.parse(answer).map(json -> json.get("scores")).orElse(null);
        if (scores == null || !scores.isArray() || scores.size() != candidates.size()) {
            log.warn("Importance judge: the model's answer was not {} scores; using the heuristic", candidates.size());
            return null;
        }
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            int value = scores.get(i).asInt(0);
            result.add(value >= 1 && value <= 10 ? value : heuristic(candidates.get(i).text(), candidates.get(i).kind()));
        }
        return result;
    }

    private record Signal(int weight, Pattern pattern) {
        Signal(int weight, String regex) {
            this(weight, Pattern.compile(regex));
        }
    }
}
