package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.PortableMemory;
import dev.mnemo.memory.PortableMemoryLines;
import dev.mnemo.testing.Instances;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.vault.internal.VaultFolderCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vault export DIR}, run as the jar runs it: a one-off vault with a progress line, never over another. */
class VaultExportCommandTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock(NOW);
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    @Test
    void aPersonsMemoriesBecomeAOneOffVaultWithProgressAndAnExistingOneIsNeverOverwritten() throws Exception {
        StringBuilder lines = new StringBuilder("{\"text\": \"My sister Ana lives in Porto\"}\n");
        List<String> people = List.of("Ana", "Tom", "Priya", "Kenji", "Olu", "Marta", "Sven", "Lea", "Omar", "Ines",
                "Bruno", "Chen", "Dara", "Elif", "Farid");
        List<String> facts = List.of("plays the cello", "is allergic to shellfish", "works as a nurse in Leeds",
                "collects vintage stamps", "moved to Montreal last spring", "runs marathons", "keeps bees on a roof",
                "studies marine biology", "hates flying", "grows chillies", "speaks fluent Korean", "fixes old radios",
                "sings in a choir", "bakes sourdough every Sunday", "owns a red kayak");
        int i = 0;
        for (String person : people) {
            for (String fact : facts) {
                lines.append(PortableMemoryLines.write(new PortableMemory(person + " " + fact, MemoryKind.FACT, 5,
                        List.of("topic" + (i % 3)), NOW.minus(Duration.ofMinutes(i++)), List.of()))).append('\n');
            }
        }
        Path file = temp.resolve("memories.jsonl");
        Files.writeString(file, lines);
        Path data = temp.resolve("data");
        assertThat(MemoriesCommand.run(new String[] {"import", file.toString()}, () -> Instances.start(clock, data.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();

        Path out = temp.resolve("vault");
        assertThat(run(data, "export", out.toString())).isZero();

        String output = said.toString(StandardCharsets.UTF_8);
        int exported = Integer.parseInt(output.replaceFirst("(?s).*exported (\\d+) memories of owner to .*", "$1"));
        assertThat(exported).as(output).isGreaterThan(MemoriesCommand.PROGRESS_EVERY);
        assertThat(output).contains("written 100 memories", "exported " + exported + " memories of owner to " + out);
        try (Stream<Path> notes = Files.list(out.resolve("Mnemo/Memories"))) {
            assertThat(notes).hasSize(exported);
        }
        assertThat(out.resolve("Mnemo/People/Ana.md")).exists();
        assertThat(out.resolve("Mnemo/Topics/Topic1.md")).exists();
        assertThat(out.resolve("Mnemo/.git")).as("a one-off export, not a synced vault").doesNotExist();
        VaultFolderCheck.check(out, "Mnemo");

        said.reset();
        assertThat(run(data, "export", out.toString())).isEqualTo(1);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("is not empty");
        assertThat(run(data, "export")).isEqualTo(2);
    }

    private int run(Path data, String... args) {
        return VaultExportCommand.run(args, () -> Instances.start(clock, data.toString()),
                new PrintStream(said, true, StandardCharsets.UTF_8));
    }
}
