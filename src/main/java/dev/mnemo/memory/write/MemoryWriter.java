package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryChanged.MemoryAdded;
import dev.mnemo.memory.MemoryChanged.MemoryCorrected;
import dev.mnemo.memory.MemoryChanged.MemoryMerged;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.privacy.Privacy;
import dev.mnemo.system.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Stores a judged candidate as the {@link Reconciler} decides: adds it, merges it into the memory it repeats
 * (union of provenance, the richer wording, reinforced), or corrects the memory it updates (the old version
 * kept with its validity times) — each as one change through {@link MemoryChanges}.
 */
@Component
public class MemoryWriter {
    /** Memories holding personal or secret data carry this tag (ASSISTANT_PII_MODE flag or redact). */
    public static final String SENSITIVE = "sensitive";
    /** Characters of a message kept as a memory's search context. */
    static final int MAX_CONTEXT = 600;

    private final MemoryChanges changes;
    private final Memories memories;
    private final Privacy privacy;
    private final Embedder embedder;
    private final IndexRegistry indexes;
    private final Reconciler reconciler;
    private final Clock clock;
    /** Share of an offline memory's words the model's statement must have to be the same statement restated. */
    static final double RESTATED_OVERLAP = 0.5;

    public MemoryWriter(MemoryChanges changes, Memories memories, Embedder embedder, IndexRegistry indexes,
                        Reconciler reconciler, Clock clock, Privacy privacy) {
        this.changes = changes;
        this.memories = memories;
        this.privacy = privacy;
        this.embedder = embedder;
        this.indexes = indexes;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /**
     * @param said the message the candidate was taken from, kept as the memory's search context when it says more
     *             than the candidate; null when the candidate is the person's own words (the API, an import)
     * @param saidAt when it was said (millis), for an import or the API; null for now. An older statement never
     *               replaces a newer memory: it is added as its own, and the read path shows the newer first
     */
    public WriteOutcome write(String userId, Candidate given, List<String> sources, String said, Long saidAt) {
        Candidate candidate = tagged(given);
        return changes.locked(userId, () -> {
            float[] vector = embedder.embed(candidate.text());
            UserIndex index = indexes.get(userId);
            Reconciler.Decision decision = reconciler.decide(userId, candidate, vector, index);
            boolean older = decision.target() != null && saidAt != null
                    && saidAt < fresh(userId, decision.target()).updatedAt();
            return switch (decision.action()) {
                case NEW -> add(userId, candidate, vector, sources, saidAt, context(candidate, said));
                case SAME -> merge(userId, decision, candidate, sources, older ? null : saidAt);
                case UPDATE -> older ? add(userId, candidate, vector, sources, saidAt, context(candidate, said))
                        : correct(userId, decision, candidate, sources, context(candidate, said), saidAt);
            };
        });
    }

    /** The candidate with the {@code sensitive} tag when its text holds personal data (the vault leaves those out). */
    private Candidate tagged(Candidate given) {
        return privacy.sensitive(given.text()) && !given.tags().contains(SENSITIVE)
                ? new Candidate(given.text(), given.kind(), given.importance(),
                        Stream.concat(given.tags().stream(), Stream.of(SENSITIVE)).toList(), given.correction())
                : given;
    }

    /**
     * The model's reading of a message restating what the offline statements stored from it at once: that memory
     * takes the model's wording, kind and importance, and the tags of both (the first wording stays in the history,
     * as merged) — not a repetition, so it is not reinforced. A memory says the same when most of its words are in
     * the statement or the two are related by their embeddings; what the person changed since {@code since} stays.
     */
    Restated restate(String userId, Candidate given, String messageId, long since) {
        if (given.correction()) {
            return Restated.NO; // a correction is compared with everything known, as any other
        }
        Candidate candidate = tagged(given);
        return changes.locked(userId, () -> {
            if (memories.changedByPersonFrom(userId, messageId, since)) {
                return Restated.LEFT_AS_THE_PERSON_CHANGED_IT;
            }
            float[] vector = embedder.embed(candidate.text());
            UserIndex index = indexes.get(userId);
            Set<String> words = words(candidate.text());
            StoredMemory best = null;
            double bestScore = 0;
            for (StoredMemory m : memories.untouchedFrom(userId, messageId)) {
                Set<String> own = words(m.text());
                double overlap = own.isEmpty() ? 0 : (double) own.stream().filter(words::contains).count() / own.size();
                double similarity = index.similarity(vector, m.id()); // NaN without a vector: never related
                // Same words ("I'm allergic to peanuts" / "The user is allergic to peanuts") or the same meaning
                // ("mum's bday is 14th march" / "The user's mother's birthday is on 14 March").
                double score = Math.max(overlap >= RESTATED_OVERLAP ? overlap : 0, reconciler.related(similarity) ? similarity : 0);
                if (score > bestScore) {
                    best = m;
                    bestScore = score;
                }
            }
            if (best == null) {
                return Restated.NO;
            }
            StoredMemory old = best;
            changes.run(userId, edit -> {
                edit.revise(old, old.withContent(candidate.text(), candidate.kind(), candidate.importance(),
                        union(old.tags(), candidate.tags()), edit.now()), VersionReason.MERGED, embedder.modelId(), vector);
                edit.publish(new MemoryMerged(userId, old.id(), List.of(), true, Instant.ofEpochMilli(edit.now())));
            });
            return Restated.YES;
        });
    }

    /** What became of a burst's statement offered as a restatement. */
    enum Restated {
        /** It took the place of the offline memory's wording. */
        YES,
        /** The person edited or pruned what was kept from the message since: their version stands, the statement is dropped. */
        LEFT_AS_THE_PERSON_CHANGED_IT,
        /** None of the message's memories says the same (or it is a correction): it is written as any other. */
        NO
    }

    /** Words of four letters or more, lower case: "I'm allergic to peanuts" and "The user is allergic to peanuts" share theirs. */
    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 4 && !w.equals("user")) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * The message as the memory's search context, unless it adds nothing or holds personal data (the context must not
     * keep what extraction left out). Long messages are cut.
     */
    private String context(Candidate candidate, String said) {
        if (said == null || said.isBlank() || said.strip().equalsIgnoreCase(candidate.text().strip())
                || privacy.sensitive(said)) {
            return null;
        }
        String context = said.strip();
        return context.length() <= MAX_CONTEXT ? context : context.substring(0, context.offsetByCodePoints(0,
                Math.min(MAX_CONTEXT, context.codePointCount(0, context.length()))));
    }

    private WriteOutcome add(String userId, Candidate c, float[] vector, List<String> sources, Long saidAt,
                             String context) {
        StoredMemory memory = changes.apply(userId, edit -> {
            long now = edit.now();
            long said = saidAt == null ? now : saidAt;
            // Said then, but fresh in memory from now: an imported old fact does not start out faded.
            StoredMemory m = new StoredMemory(Ids.newId(clock), userId, c.text(), c.kind(), c.importance(), c.tags(),
                    said, said, null, 0, 1.0, now, null, MemoryStatus.ACTIVE, context);
            edit.add(m, sources, embedder.modelId(), vector);
            edit.publish(new MemoryAdded(userId, m.id(), Instant.ofEpochMilli(now)));
            return m;
        });
        return new WriteOutcome(WriteOutcome.Action.ADDED, memories.toMemory(memory));
    }

    private WriteOutcome merge(String userId, Reconciler.Decision d, Candidate c, List<String> sources, Long saidAt) {
        StoredMemory old = fresh(userId, d.target());
        boolean reworded = !d.text().equals(old.text());
        float[] vector = reworded ? embedder.embed(d.text()) : null;
        changes.run(userId, edit -> {
            StoredMemory merged = old.withContent(d.text(), reworded ? c.kind() : old.kind(),
                    Math.max(old.importance(), c.importance()), union(old.tags(), c.tags()),
                    reworded ? (saidAt == null ? edit.now() : saidAt) : old.updatedAt());
            edit.revise(old, merged, reworded ? VersionReason.MERGED : null, embedder.modelId(), vector);
            // Said again is used again; the same message read a second time (a retried job) is not.
            if (edit.addSources(old, sources)) {
                edit.reinforce(old);
            }
            edit.publish(new MemoryMerged(userId, old.id(), List.of(), reworded, Instant.ofEpochMilli(edit.now())));
        });
        return new WriteOutcome(WriteOutcome.Action.MERGED, memories.toMemory(fresh(userId, old)));
    }

    private WriteOutcome correct(String userId, Reconciler.Decision d, Candidate c, List<String> sources,
                                 String context, Long saidAt) {
        StoredMemory old = fresh(userId, d.target());
        float[] vector = embedder.embed(d.text());
        changes.run(userId, edit -> {
            StoredMemory corrected = old.withContent(d.text(), c.kind(), Math.max(old.importance(), c.importance()),
                    union(old.tags(), c.tags()), saidAt == null ? edit.now() : saidAt).withContext(context);
            edit.revise(old, corrected, VersionReason.CORRECTED, embedder.modelId(), vector);
            edit.addSources(old, sources);
            edit.reinforce(old);
            edit.publish(new MemoryCorrected(userId, old.id(), Instant.ofEpochMilli(edit.now())));
        });
        return new WriteOutcome(WriteOutcome.Action.CORRECTED, memories.toMemory(fresh(userId, old)));
    }

    /** The row as the database has it now: the reconciler may have seen a cached copy. */
    private StoredMemory fresh(String userId, StoredMemory target) {
        return memories.find(userId, target.id()).orElse(target);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
