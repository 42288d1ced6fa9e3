package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.PortableMemory;
import dev.mnemo.memory.PortableMemoryLines;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.testing.Instances;
import dev.mnemo.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code memories export|import}, run as the jar runs them: each in an application context of its own. */
class MemoriesCommandTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-14T09:30:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-02T18:00:00Z");

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock(NOW);
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    @Test
    void exportedMemoriesComeBackWithWhenTheyWereSaidAndTheirHistory() throws IOException {
        Path from = temp.resolve("from");
        with(from, app -> {
            MemoryIntake intake = app.getBean(MemoryIntake.class);
            intake.remember("owner", "my sister is Anna", null, MARCH);
            intake.remember("owner", "actually my sister is Ana, not Anna", null, APRIL);
            intake.remember("owner", "I love hiking", null, null);
            return null;
        });
        Path file = temp.resolve("memories.jsonl");

        assertThat(run(from, "export", file.toString())).isZero();
        assertThat(output()).contains("exported 2 memories of owner to " + file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains("\"text\":\"My sister is Ana.\"", "\"saidAt\":\"2026-04-02T18:00:00Z\"",
                "\"validFrom\":\"2026-03-14T09:30:00Z\"", "\"validTo\":\"2026-04-02T18:00:00Z\"", "\"reason\":\"CORRECTED\"");

        Path to = temp.resolve("to");
        assertThat(run(to, "import", file.toString(), "--user", "priya")).isZero();
        assertThat(output()).contains("imported 2 memories for priya from " + file + ": 2 added, 0 merged");
        with(to, app -> {
            List<Memory> memories = app.getBean(MemoryRecall.class).list("priya", 10);
            assertThat(memories).extracting(Memory::text).containsExactlyInAnyOrder("My sister is Ana.", "I love hiking.");
            Memory sister = memories.stream().filter(m -> m.text().contains("sister")).findFirst().orElseThrow();
            assertThat(sister.updatedAt()).isEqualTo(APRIL);
            assertThat(sister.createdAt()).isEqualTo(APRIL);
            List<MemoryVersion> history = app.getBean(MemoryControl.class).history("priya", sister.id()).orElseThrow();
            assertThat(history).containsExactly(new MemoryVersion("My sister is Anna.", sister.kind(), sister.importance(),
                    MARCH, APRIL, VersionReason.CORRECTED));
            assertThat(app.getBean(MemoryRecall.class).list("owner", 10)).as("only the named person's").isEmpty();
            return null;
        });

        assertThat(run(to, "import", file.toString(), "--user", "priya")).isZero();
        assertThat(output()).as("said again, not stored twice").contains("0 added, 2 merged into what was known");
        with(to, app -> {
            assertThat(app.getBean(MemoryRecall.class).list("priya", 10)).hasSize(2);
            return null;
        });
    }

    @Test
    void aLaterStatementInTheFileCorrectsAnEarlierOneAndAnOlderOneNeverReplacesTheCurrent() throws IOException {
        Path file = temp.resolve("other-assistant.jsonl");
        Files.writeString(file, """
                {"text": "actually my sister is Ana, not Anna", "saidAt": "2026-04-02T18:00:00Z"}
                {"text": "my sister is Anna", "saidAt": "2026-03-14T09:30:00Z", "tags": ["family"]}

                {"text": "I work at Acme", "kind": "FACT", "importance": 7}
                """);
        Path data = temp.resolve("data");
        assertThat(run(data, "import", file.toString())).isZero();
        assertThat(output()).contains("imported 3 memories for owner", "2 added, 0 merged into what was known, 1 corrected it");
        with(data, app -> {
            List<Memory> memories = app.getBean(MemoryRecall.class).list("owner", 10);
            assertThat(memories).extracting(Memory::text).containsExactlyInAnyOrder("My sister is Ana.", "I work at Acme.");
            Memory acme = memories.stream().filter(m -> m.text().contains("Acme")).findFirst().orElseThrow();
            assertThat(acme.importance()).isEqualTo(7);
            assertThat(acme.updatedAt()).as("no saidAt: now").isEqualTo(NOW);
            return null;
        });

        Path older = temp.resolve("older.jsonl");
        Files.writeString(older, "{\"text\": \"my sister is Anne\", \"saidAt\": \"2025-01-01T00:00:00Z\"}\n");
        assertThat(run(data, "import", older.toString())).isZero();
        with(data, app -> {
            assertThat(app.getBean(MemoryRecall.class).list("owner", 10)).extracting(Memory::text)
                    .as("said before the current belief: kept beside it, not over it")
                    .contains("My sister is Ana.", "My sister is Anne.");
            return null;
        });
    }

    @Test
    void aBadLineIsNamedAndNothingIsImported() throws IOException {
        Path file = temp.resolve("bad.jsonl");
        Files.writeString(file, """
                {"text": "I love hiking"}
                {"text": "I keep bees", "saidAt": "last tuesday"}
                {"text": "I play the cello", "importance": 11}
                not json
                {"text": "x", "colour": "blue"}
                {"text": "I will be in Rome", "saidAt": "2027-01-01T00:00:00Z"}
                {"text": "I hike", "tags": ["outdoors,sport"]}
                """);
        Path data = temp.resolve("data");
        assertThat(run(data, "import", file.toString())).isEqualTo(1);
        assertThat(output()).contains(
                "line 2: saidAt must be an ISO-8601 time such as 2026-03-14T09:30:00Z",
                "line 3: importance must be a whole number from 1 to 10",
                "line 4: not a JSON object",
                "line 5: colour is not a field of a memory",
                "line 6: saidAt is in the future",
                "line 7: each tag must be a non-empty string of at most",
                "nothing imported: 6 lines are wrong");
        with(data, app -> {
            assertThat(app.getBean(MemoryRecall.class).list("owner", 10)).isEmpty();
            return null;
        });

        assertThat(run(data, "import", temp.resolve("missing.jsonl").toString())).isEqualTo(1);
        assertThat(output()).contains("missing.jsonl: no such file");
        assertThat(run(data, "import")).isEqualTo(2);
        assertThat(output()).contains(MemoriesCommand.USAGE);
    }

    @Test
    void aLongFileReportsItsProgress() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2 * MemoriesCommand.PROGRESS_EVERY + 5; i++) {
            lines.append(PortableMemoryLines.write(new PortableMemory("Fact number " + i + " about topic " + i,
                    MemoryKind.FACT, 5, List.of(), NOW.minus(Duration.ofMinutes(i)), List.of()))).append('\n');
        }
        Path file = temp.resolve("long.jsonl");
        Files.writeString(file, lines);
        assertThat(run(temp.resolve("data"), "import", file.toString())).isZero();
        assertThat(output()).contains("imported 100 of 205…", "imported 200 of 205…", "imported 205 memories for owner");
    }

    private int run(Path dataDir, String... args) {
        said.reset();
        return MemoriesCommand.run(args, () -> Instances.start(clock, dataDir.toString()),
                new PrintStream(said, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return said.toString(StandardCharsets.UTF_8);
    }

    private void with(Path dataDir, Function<ConfigurableApplicationContext, Object> use) {
        try (ConfigurableApplicationContext app = Instances.start(clock, dataDir.toString())) {
            use.apply(app);
        }
    }
}
