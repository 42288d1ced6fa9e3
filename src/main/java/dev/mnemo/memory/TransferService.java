package dev.mnemo.memory;

import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryHistory;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.Candidate;
import dev.mnemo.memory.write.CandidateExtractor;
import dev.mnemo.memory.write.ImportanceJudge;
import dev.mnemo.memory.write.MemoryWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Export reads the tables; import goes through {@link MemoryWriter}, like anything the person says. */
@Service
class TransferService implements MemoryTransfer {
    private final Memories memories;
    private final MemoryHistory history;
    private final MemoryWriter writer;
    private final MemoryChanges changes;
    private final TransactionTemplate transactions;

    TransferService(Memories memories, MemoryHistory history, MemoryWriter writer, MemoryChanges changes,
                    TransactionTemplate transactions) {
        this.memories = memories;
        this.history = history;
        this.writer = writer;
        this.changes = changes;
        this.transactions = transactions;
    }

    @Override
    public List<PortableMemory> export(String userId) {
        return memories.toMemories(memories.active(userId)).stream()
                .sorted(Comparator.comparing(Memory::updatedAt).thenComparing(Memory::id))
                .map(m -> new PortableMemory(m.text(), m.kind(), m.importance(), m.tags(), m.updatedAt(),
                        history.versions(m.id())))
                .toList();
    }

    @Override
    public ImportSummary importAll(String userId, List<PortableMemory> given, IntConsumer progress) {
        // Oldest first, so a later statement corrects an earlier one as it would have when it was said.
        List<PortableMemory> ordered = given.stream().sorted(Comparator.comparing(PortableMemory::saidAt)).toList();
        return transactions.execute(status -> {
            int[] counts = new int[3];
            for (int i = 0; i < ordered.size(); i++) {
                PortableMemory m = ordered.get(i);
                WriteOutcome outcome = writer.write(userId, candidate(m), List.of(), null,
                        m.saidAt().toEpochMilli());
                if (!m.history().isEmpty() && outcome.action() == WriteOutcome.Action.ADDED) {
                    StoredMemory stored = memories.find(userId, outcome.memory().id()).orElseThrow();
                    changes.run(userId, edit -> m.history().forEach(v -> edit.addVersion(stored, v)));
                }
                counts[switch (outcome.action()) {
                    case ADDED -> 0;
                    case MERGED -> 1;
                    case CORRECTED -> 2;
                }]++;
                progress.accept(i + 1);
            }
            return new ImportSummary(counts[0], counts[1], counts[2]);
        });
    }

    /** The line's own kind, tags and importance win; what it leaves out is worked out as for a /remember. */
    private static Candidate candidate(PortableMemory m) {
        Candidate said = CandidateExtractor.explicit(m.text());
        Candidate given = new Candidate(said.text(), m.kind() == null ? said.kind() : m.kind(), 0,
                new ArrayList<>(m.tags()), said.correction());
        // Without one, the heuristic: a model call per line would make a large import cost real money.
        return given.withImportance(m.importance() != null ? m.importance()
                : ImportanceJudge.heuristic(given.text(), given.kind()));
    }
}
