package dev.mnemo.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where archives are kept behaves the same whatever it is: a directory, an S3 bucket. */
abstract class BackupTargetContract {
    BackupTarget target;

    /** An empty target of the adapter under test, different on every call. */
    abstract BackupTarget emptyTarget();

    /** Puts a file that is not an archive beside them, as another program might. */
    abstract void putStray(String name, byte[] content);

    /** Where the adapter says an archive of this name is. */
    abstract String expectedLocation(String name);

    @BeforeEach
    void newTarget() {
        target = emptyTarget();
    }

    @Test
    void anArchivePutIsListedAndReadBackByteForByte() {
        byte[] archive = new byte[300_000];
        new Random(7).nextBytes(archive);
        String name = Retention.name(Instant.parse("2026-11-26T03:30:00Z"));

        assertThat(target.list()).isEmpty();
        String where = target.put(name, archive);

        assertThat(where).isEqualTo(expectedLocation(name));
        assertThat(target.list()).containsExactly(name);
        assertThat(target.get(name)).isEqualTo(archive);
    }

    @Test
    void theListHoldsOnlyArchivesOldestFirstAndADeletedOneIsGone() {
        List<String> names = new ArrayList<>();
        for (String at : List.of("2026-11-28T03:30:00Z", "2026-11-26T03:30:00Z", "2026-11-27T03:30:00Z")) {
            names.add(Retention.name(Instant.parse(at)));
            target.put(names.getLast(), new byte[] {1, 2, 3});
        }
        putStray("notes.txt", new byte[] {9});
        putStray("mnemo-20261129-033000.mnb.partial", new byte[] {9});

        assertThat(target.list()).containsExactly("mnemo-20261126-033000.mnb", "mnemo-20261127-033000.mnb",
                "mnemo-20261128-033000.mnb");
        target.delete("mnemo-20261127-033000.mnb");
        target.delete("mnemo-20261127-033000.mnb"); // twice: nothing left to delete is not an error
        assertThat(target.list()).containsExactly("mnemo-20261126-033000.mnb", "mnemo-20261128-033000.mnb");
    }

    @Test
    void putAgainReplacesAndAMissingArchiveIsAnError() {
        String name = Retention.name(Instant.parse("2026-11-26T03:30:00Z"));
        target.put(name, new byte[] {1});
        target.put(name, new byte[] {2, 2});

        assertThat(target.get(name)).containsExactly(2, 2);
        assertThat(target.list()).containsExactly(name);
        assertThatThrownBy(() -> target.get("mnemo-20200101-000000.mnb")).isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(NullPointerException.class);
    }
}
