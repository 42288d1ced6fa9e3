package dev.mnemo.memory.read;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.Slots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Among recalled memories that conflict — the same slot with another value, or a later statement that says the
 * older one changed ({@link Slots#supersedes}) — the newer ranks above the older, and the older carries when it
 * stopped being current. A correction the write path caught leaves no such pair (the old wording is only history);
 * this is for the ones it could not tell, said as two memories.
 */
public final class CurrentFirst {
    private CurrentFirst() {
    }

    /**
     * A recalled memory in prompt order.
     *
     * @param replacedAt when a newer recalled memory replaced it (millis), or null while it is current
     */
    public record Marked(Retriever.Ranked ranked, Long replacedAt) {
    }

    /** @param similarity cosine of two memories' vectors */
    public static List<Marked> order(List<Retriever.Ranked> ranked, ToDoubleBiFunction<StoredMemory, StoredMemory> similarity) {
        Map<String, StoredMemory> replacedBy = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                StoredMemory a = ranked.get(i).memory();
                StoredMemory b = ranked.get(j).memory();
                StoredMemory older = a.updatedAt() <= b.updatedAt() ? a : b;
                StoredMemory newer = older == a ? b : a;
                // Two runs on two days are two runs: episodes never replace each other.
                if (older.updatedAt() == newer.updatedAt() || older.kind() == MemoryKind.EVENT
                        || newer.kind() == MemoryKind.EVENT) {
                    continue;
                }
                if (Slots.supersedes(older.text(), newer.text(), similarity.applyAsDouble(older, newer))) {
                    StoredMemory earlier = replacedBy.get(older.id());
                    if (earlier == null || newer.updatedAt() < earlier.updatedAt()) {
                        replacedBy.put(older.id(), newer);
                    }
                }
            }
        }
        List<Marked> out = new ArrayList<>(ranked.size());
        List<Retriever.Ranked> waiting = new ArrayList<>();
        for (Retriever.Ranked r : ranked) {
            StoredMemory newer = replacedBy.get(r.memory().id());
            if (newer != null && out.stream().noneMatch(m -> m.ranked().memory().id().equals(newer.id()))) {
                waiting.add(r);
                continue;
            }
            out.add(marked(r, replacedBy));
            releaseWaiting(out, waiting, replacedBy);
        }
        waiting.forEach(r -> out.add(marked(r, replacedBy)));
        return out;
    }

    /** Emits each deferred older memory right after the newer one that replaced it. */
    private static void releaseWaiting(List<Marked> out, List<Retriever.Ranked> waiting, Map<String, StoredMemory> replacedBy) {
        boolean released = true;
        while (released) {
            released = false;
            for (Retriever.Ranked w : List.copyOf(waiting)) {
                String newer = replacedBy.get(w.memory().id()).id();
                if (out.stream().anyMatch(m -> m.ranked().memory().id().equals(newer))) {
                    waiting.remove(w);
                    out.add(marked(w, replacedBy));
                    released = true;
                }
            }
        }
    }

    private static Marked marked(Retriever.Ranked r, Map<String, StoredMemory> replacedBy) {
        StoredMemory newer = replacedBy.get(r.memory().id());
        return new Marked(r, newer == null ? null : newer.updatedAt());
    }
}
