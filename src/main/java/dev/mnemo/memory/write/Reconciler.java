package dev.mnemo.memory.write;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.embedding.Thresholds;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.StoredMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Decides what a candidate is to what is already known: the same thing again, an update of one memory,
 * or something new. In order:
 * <ol>
 *   <li>same slot ("my sister", where one lives, where one works) as a nearby memory: same value → same,
 *       other value → update;</li>
 *   <li>without a model, a change said about the closest memory's subject ({@link Corrections}) → update it;</li>
 *   <li>cosine ≥ merge threshold (0.98 when an episode is involved) and not phrased as a correction → same
 *       (no model call);</li>
 *   <li>nearby memories (cosine ≥ related threshold) and a model → the model decides (offline rules when it
 *       cannot answer);</li>
 *   <li>a correction close to one memory → update it; otherwise new.</li>
 * </ol>
 */
@Component
public class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    /** Below this a memory is not even checked for a shared slot. */
    private static final double SLOT_NEIGHBOURHOOD = 0.35;
    private static final int NEIGHBOURS = 10;
    /** See {@link #mergeThreshold}. */
    static final double EPISODE_MERGE = 0.98;

    public enum Action { NEW, SAME, UPDATE }

    /** The decision, the memory it concerns (null for new) and the text to keep. */
    public record Decision(Action action, StoredMemory target, String text) {
    }

    private final Memories store;
    private final LanguageModels models;
    private final Prompts prompts;
    private final double merge;
    private final double related;

    public Reconciler(Memories store, LanguageModels models, Prompts prompts, Thresholds thresholds) {
        this.store = store;
        this.models = models;
        this.prompts = prompts;
        this.merge = thresholds.merge();
        this.related = thresholds.related();
    }

    /** From this cosine an existing memory is about the same thing (the measured "related" threshold). */
    boolean related(double similarity) {
        return similarity >= related;
    }

    public Decision decide(String userId, Candidate candidate, float[] vector, UserIndex index) {
        List<ScoredId> near = index.nearest(vector, NEIGHBOURS).stream()
                .filter(s -> s.score() >= SLOT_NEIGHBOURHOOD).toList();
        Map<String, StoredMemory> rows = new HashMap<>();
        store.findAll(userId, near.stream().map(ScoredId::id).toList()).forEach(r -> rows.put(r.id(), r));
        List<Neighbour> neighbours = new ArrayList<>();
        for (ScoredId s : near) {
            if (rows.containsKey(s.id())) {
                neighbours.add(new Neighbour(rows.get(s.id()), s.score()));
            }
        }
        if (neighbours.isEmpty()) {
            return new Decision(Action.NEW, null, candidate.text());
        }
        if (!models.configured()) {
            return offline(candidate, neighbours);
        }
        Optional<Decision> bySlot = bySlot(candidate, neighbours);
        if (bySlot.isPresent()) {
            return bySlot.get();
        }
        Neighbour top = neighbours.getFirst();
        if (top.similarity() >= mergeThreshold(candidate, top.memory()) && !candidate.correction()) {
            return same(top.memory(), candidate.text());
        }
        List<Neighbour> close = neighbours.stream().filter(n -> n.similarity() >= related).limit(5).toList();
        if (!close.isEmpty()) {
            try {
                Optional<Decision> decided = askModel(userId, candidate, close);
                if (decided.isPresent()) {
                    return decided.get();
                }
            } catch (ModelUnavailableException e) {
                log.warn("Reconciling a memory without the model: {}", e.getMessage());
                return offline(candidate, neighbours);
            }
        }
        // The model saw nothing close enough to judge: a correction of the closest one, or something new.
        return !close.isEmpty() && candidate.correction()
                ? new Decision(Action.UPDATE, close.getFirst().memory(), Statements.clean(candidate.text()))
                : new Decision(Action.NEW, null, candidate.text());
    }

    /**
     * Without a model: same slot → same or update; a statement that says the memory changed, about its subject →
     * update it ({@link Corrections}); all but identical and not a correction → same; otherwise new.
     */
    Decision offline(Candidate candidate, List<Neighbour> neighbours) {
        Optional<Decision> bySlot = bySlot(candidate, neighbours);
        if (bySlot.isPresent()) {
            return bySlot.get();
        }
        Neighbour top = neighbours.getFirst();
        // Before merging: "ethan just started 4th grade" is close to "my son Ethan is in 3rd grade" and replaces it.
        // Only the closest memory, and never one episode for another: two runs on two days are two runs.
        boolean episodes = candidate.kind() == MemoryKind.EVENT && top.memory().kind() == MemoryKind.EVENT;
        if (!episodes && Corrections.replaces(top.memory().text(), candidate.text(), candidate.correction(),
                top.similarity(), candidate.kind() == MemoryKind.EVENT)) {
            return new Decision(Action.UPDATE, top.memory(), Statements.clean(candidate.text()));
        }
        if (top.similarity() >= mergeThreshold(candidate, top.memory()) && !candidate.correction()) {
            return same(top.memory(), candidate.text());
        }
        return new Decision(Action.NEW, null, candidate.text());
    }

    private Optional<Decision> bySlot(Candidate candidate, List<Neighbour> neighbours) {
        Optional<Statements.SlotValue> slot = Statements.slot(candidate.text());
        if (slot.isPresent()) {
            for (Neighbour n : neighbours) {
                Optional<Statements.SlotValue> other = Statements.slot(n.memory().text());
                if (other.isPresent() && other.get().slot().equals(slot.get().slot())) {
                    return Optional.of(other.get().value().equals(slot.get().value())
                            ? same(n.memory(), candidate.text())
                            : new Decision(Action.UPDATE, n.memory(), Statements.clean(candidate.text())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Two episodes that differ only in when they happened ("ran on Monday", "ran on Wednesday") look alike to
     * an embedding model; an episode merges on its own only when all but identical, otherwise the model (or
     * sleep's summarising) deals with it.
     */
    private double mergeThreshold(Candidate candidate, StoredMemory existing) {
        return candidate.kind() == MemoryKind.EVENT || existing.kind() == MemoryKind.EVENT
                ? Math.max(merge, EPISODE_MERGE) : merge;
    }

    /** The same memory again: the more informative wording wins. */
    private static Decision same(StoredMemory existing, String candidateText) {
        return new Decision(Action.SAME, existing, Slots.richer(existing.text(), candidateText));
    }

    private Optional<Decision> askModel(String userId, Candidate candidate, List<Neighbour> close) {
        StringBuilder question = new StringBuilder("NEW: ").append(candidate.text()).append("\n\nEXISTING:\n");
        for (Neighbour n : close) {
            question.append("- id ").append(n.memory().id()).append(": ").append(n.memory().text()).append('\n');
        }
        String answer = models.chat(new ModelRequest(userId, null, "MEMORY_RECONCILE", ModelTier.JUDGE,
                prompts.render("memory-reconcile", Map.of()), List.of(ChatTurn.user(question.toString())))).text();
        Optional<JsonNode> json = ModelJson.parse(answer);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String decision = json.get().path("decision").asString("").strip().toLowerCase(Locale.ROOT);
        String id = json.get().path("id").asString("").strip();
        String text = json.get().path("text").asString("").strip();
        StoredMemory target = close.stream().map(Neighbour::memory).filter(m -> m.id().equals(id)).findFirst()
                .orElse(close.getFirst().memory());
        return switch (decision) {
            case "same" -> Optional.of(new Decision(Action.SAME, target, text.isEmpty() ? target.text() : text));
            case "update" -> Optional.of(new Decision(Action.UPDATE, target, text.isEmpty() ? candidate.text() : text));
            case "new" -> Optional.of(new Decision(Action.NEW, null, candidate.text()));
            default -> Optional.empty();
        };
    }

    /** A stored memory near the candidate, and how near (cosine). */
    record Neighbour(StoredMemory memory, double similarity) {
    }
}
