package dev.mnemo.memory.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentFirstTest {
    private static final long DAY = 86_400_000L;

    @Test
    void theNewerOfTwoConflictingMemoriesRanksFirstAndTheOlderIsMarkedWithWhenItStopped() {
        StoredMemory porto = memory("porto", "My sister Ana lives in Porto", MemoryKind.PERSON, 1);
        StoredMemory lisbon = memory("lisbon", "Ana moved to Lisbon", MemoryKind.PERSON, 10);
        StoredMemory tea = memory("tea", "I drink green tea", MemoryKind.PREFERENCE, 5);

        List<CurrentFirst.Marked> order = CurrentFirst.order(List.of(ranked(porto), ranked(tea), ranked(lisbon)), (a, b) -> 0.7);

        assertThat(order).extracting(m -> m.ranked().memory().id()).containsExactly("tea", "lisbon", "porto");
        assertThat(order.get(2).replacedAt()).isEqualTo(10 * DAY);
        assertThat(order.get(1).replacedAt()).isNull();
    }

    @Test
    void theSameSlotWithAnotherValueIsAConflict() {
        StoredMemory anna = memory("anna", "My sister is Anna", MemoryKind.PERSON, 1);
        StoredMemory ana = memory("ana", "My sister is Ana", MemoryKind.PERSON, 2);

        List<CurrentFirst.Marked> order = CurrentFirst.order(List.of(ranked(anna), ranked(ana)), (a, b) -> 0.95);

        assertThat(order).extracting(m -> m.ranked().memory().id()).containsExactly("ana", "anna");
        assertThat(order.get(1).replacedAt()).isEqualTo(2 * DAY);
    }

    @Test
    void whatDoesNotConflictKeepsItsOrderAndEpisodesNeverReplaceEachOther() {
        StoredMemory run1 = memory("run1", "Ran 5k in the park", MemoryKind.EVENT, 1);
        StoredMemory run2 = memory("run2", "Ran 10k in the park, not 5k", MemoryKind.EVENT, 3);
        StoredMemory brother = memory("brother", "My brother got divorced", MemoryKind.PERSON, 4);
        StoredMemory sister = memory("sister", "My sister is married to Tom", MemoryKind.PERSON, 2);

        List<CurrentFirst.Marked> order = CurrentFirst.order(
                List.of(ranked(run1), ranked(run2), ranked(sister), ranked(brother)), (a, b) -> 0.8);

        assertThat(order).extracting(m -> m.ranked().memory().id()).containsExactly("run1", "run2", "sister", "brother");
        assertThat(order).extracting(CurrentFirst.Marked::replacedAt).containsOnlyNulls();
    }

    @Test
    void tooDistantMemoriesDoNotConflict() {
        StoredMemory porto = memory("porto", "My sister Ana lives in Porto", MemoryKind.PERSON, 1);
        StoredMemory lisbon = memory("lisbon", "Ana moved to Lisbon", MemoryKind.PERSON, 10);

        assertThat(CurrentFirst.order(List.of(ranked(porto), ranked(lisbon)), (a, b) -> 0.2))
                .extracting(CurrentFirst.Marked::replacedAt).containsOnlyNulls();
    }

    private static Retriever.Ranked ranked(StoredMemory m) {
        return new Retriever.Ranked(m, 1, 0.7);
    }

    private static StoredMemory memory(String id, String text, MemoryKind kind, int day) {
        long at = day * DAY;
        return new StoredMemory(id, "u", text, kind, 5, List.of(), at, at, null, 0, 1, at, null, MemoryStatus.ACTIVE, null);
    }
}
