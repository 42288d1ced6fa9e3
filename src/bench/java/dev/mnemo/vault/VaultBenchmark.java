package dev.mnemo.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vault with 10,000 memories (one in ten corrected once) on SQLite: a full export, the first sync (every note
 * written and committed), and one edited memory synced (no remote, so no push). Run with
 * {@code ./mvnw -Pbench test -Dtest=VaultBenchmark}; the report goes to target/bench/vault.txt.
 */
@Tag("benchmark")
@SqliteApp
class VaultBenchmark {
    private static final int MEMORIES = 10_000;
    private static final int INCREMENTAL_RUNS = 20;
    private static final String USER = "vault-bench";
    private static final Path BASE = TestDatabases.sqliteDataDir().resolve("vault-bench");
    private static final String[] NAMES = {"Ana", "Rui", "Marta", "Tom", "Ines", "Tiago", "Sofia", "Pedro", "Rita", "Nuno"};
    private static final String[] THINGS = {"jazz", "hiking", "sushi", "chess", "cycling", "poetry", "football", "baking",
            "sailing", "opera", "climbing", "gardening", "tea", "photography", "surfing", "knitting", "running"};

    @Autowired
    Vault vault;
    @Autowired
    MemoryControl control;
    @Autowired
    JdbcTemplate batch;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) throws IOException {
        VaultSyncContract.deleteTree(BASE);
        registry.add("assistant.vault.dir", () -> BASE.resolve("vault").toString());
        registry.add("assistant.vault.user", () -> USER);
    }

    @Test
    void fullExportAndOneIncrementalChange() throws Exception {
        insertMemories();
        long[] exports = new long[3];
        for (int i = 0; i < exports.length; i++) {
            long start = System.nanoTime();
            int written = vault.export(USER, BASE.resolve("export-" + i), n -> { });
            exports[i] = System.nanoTime() - start;
            assertThat(written).isEqualTo(MEMORIES);
        }
        long start = System.nanoTime();
        vault.sync();
        long firstSync = System.nanoTime() - start;

        List<Memory> all = control.all(USER, false);
        long[] incremental = new long[INCREMENTAL_RUNS];
        for (int i = 0; i < INCREMENTAL_RUNS; i++) {
            Memory m = all.get(i * 97);
            control.edit(USER, m.id(), m.text() + " (edited " + i + ")", null, null, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM vault_pending WHERE user_id = ?")
                    .param(USER).query(Long.class).single() > 0);
            clock.advance(Duration.ofSeconds(1));
            start = System.nanoTime();
            SyncReport report = vault.sync();
            incremental[i] = System.nanoTime() - start;
            assertThat(report.summary()).contains("edited");
        }
        Arrays.sort(exports);
        Arrays.sort(incremental);
        String out = """
                Vault with %d memories (1 in 10 with an earlier version), SQLite, no remote
                  full export (vault export DIR), 3 runs: min %.0f ms  median %.0f ms  max %.0f ms
                  first sync (every note written, git add and commit): %.0f ms
                  one edited memory synced (notes it touches, git status, add and commit; no push), %d runs: \
                median %.0f ms  max %.0f ms
                """.formatted(MEMORIES, ms(exports[0]), ms(exports[1]), ms(exports[2]), ms(firstSync), INCREMENTAL_RUNS,
                ms(incremental[INCREMENTAL_RUNS / 2]), ms(incremental[INCREMENTAL_RUNS - 1]));
        System.out.println(out);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/vault.txt"), out);
    }

    private void insertMemories() {
        long now = clock.millis();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> sources = new ArrayList<>();
        for (int i = 0; i < MEMORIES; i++) {
            String id = UUID.randomUUID().toString();
            String text = "My friend " + NAMES[i % NAMES.length] + " likes " + THINGS[(i / NAMES.length) % THINGS.length]
                    + " (fact " + i + ")";
            long at = now - (MEMORIES - i) * 60_000L;
            rows.add(new Object[] {id, USER, text, i % 5 == 0 ? "PREFERENCE" : "FACT", 1 + i % 10,
                    THINGS[i % THINGS.length], at, at, at, 0, 0.8, at, null, "ACTIVE", null});
            sources.add(new Object[] {id, UUID.randomUUID().toString()});
            if (i % 10 == 0) {
                versions.add(new Object[] {UUID.randomUUID().toString(), id, text.replace("likes", "liked"), "FACT", 5,
                        at - 86_400_000L, at, "CORRECTED"});
            }
        }
        batch.batchUpdate("INSERT INTO memories (id, user_id, text, kind, importance, tags, created_at, updated_at, "
                + "last_accessed_at, access_count, strength, strength_at, occurred_at, status, context) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        batch.batchUpdate("INSERT INTO memory_sources (memory_id, message_id) VALUES (?, ?)", sources);
        batch.batchUpdate("INSERT INTO memory_versions (id, memory_id, text, kind, importance, valid_from, valid_to, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", versions);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
