package dev.mnemo.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.VersionReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault's notes for a known set of memories, byte for byte (golden files in src/test/resources/vault/golden;
 * {@code -Dvault.golden.update=true} writes them again, to be read and committed), and what every note promises:
 * properties a YAML parser reads, wikilinks that resolve, safe names.
 */
class NoteRendererTest {
    private static final Path GOLDEN = Path.of("src/test/resources/vault/golden");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final Instant MARCH = Instant.parse("2026-03-14T09:30:00Z");
    static final Instant APRIL = Instant.parse("2026-04-02T18:00:00Z");

    @TempDir
    Path temp;

    static Memory memory(String id, String text, MemoryKind kind, int importance, List<String> tags, Instant at) {
        return new Memory(id, "priya", text, kind, importance, tags, at, at, at, 0, 0.8125, List.of("msg-" + id.substring(0, 4)));
    }

    static Map<String, String> render() {
        Memory sister = memory("0195a000-0000-7000-8000-00000000a1b2", "My sister Ana lives in Lisbon.", MemoryKind.PERSON,
                7, List.of("family"), APRIL);
        Memory nuts = memory("0195a000-0000-7000-8000-00000000c3d4", "Tom's allergic to nuts.", MemoryKind.FACT, 8,
                List.of("health", "Tom"), MARCH);
        Memory coriander = memory("0195a000-0000-7000-8000-00000000e5f6", "I can't stand coriander: \"soap\" | [[no]] #tag",
                MemoryKind.PREFERENCE, 4, List.of("food", "new york", "2026"), MARCH);
        Memory con = memory("0195a000-0000-7000-8000-0000000a0a0a", "CON", MemoryKind.FACT, 2, List.of(), MARCH);
        Memory pruned = memory("0195a000-0000-7000-8000-00000000f00d", "I went to the gym on Tuesday.", MemoryKind.EVENT, 2,
                List.of(), MARCH);
        VaultView view = new VaultView(List.of(sister, nuts, coriander, con), List.of(pruned));
        List<LoggedChange> log = List.of(
                new LoggedChange(MARCH, Change.LEARNED, nuts.id(), 1),
                new LoggedChange(MARCH.plusSeconds(60), Change.LEARNED, coriander.id(), 1),
                new LoggedChange(APRIL, Change.CORRECTED, sister.id(), 1),
                new LoggedChange(APRIL.plusSeconds(5), Change.PRUNED, pruned.id(), 1),
                new LoggedChange(APRIL.plusSeconds(9), Change.FORGOTTEN, null, 2),
                new LoggedChange(APRIL.plusSeconds(10), Change.MERGED, "0195a000-0000-7000-8000-0000000000ff", 1));
        Map<String, List<MemoryVersion>> histories = Map.of(sister.id(), List.of(new MemoryVersion(
                "My sister Ana lives in Porto.", MemoryKind.PERSON, 7, MARCH, APRIL, VersionReason.CORRECTED)));
        return new NoteRenderer("Mnemo", LISBON).all(view, histories, log);
    }

    @Test
    void theSameMemoriesGiveTheSameBytesAsTheGoldenFiles() throws IOException {
        Map<String, String> notes = render();
        assertThat(render()).as("rendering twice").isEqualTo(notes);
        if (Boolean.getBoolean("vault.golden.update")) {
            for (Map.Entry<String, String> note : notes.entrySet()) {
                Path file = GOLDEN.resolve(note.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, note.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> golden = new TreeMap<>();
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                golden.put(GOLDEN.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(notes.keySet()).containsExactlyInAnyOrderElementsOf(golden.keySet());
        notes.forEach((path, content) -> assertThat(content).as(path).isEqualTo(golden.get(path)));
    }

    @Test
    void everyNoteHasOnePropertiesBlockAParserReadsAndEveryLinkResolves() throws Exception {
        Map<String, String> notes = render();
        Path folder = temp.resolve("Mnemo");
        for (Map.Entry<String, String> note : notes.entrySet()) {
            Path file = folder.resolve(note.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, note.getValue(), StandardCharsets.UTF_8);
        }
        VaultNotes.checkFolder(temp, "Mnemo");
        Map<String, Object> sister = VaultNotes.check("sister", notes.get("Memories/My sister Ana lives in Lisbon (0000a1b2).md"));
        assertThat(sister).containsEntry("mnemo_id", "0195a000-0000-7000-8000-00000000a1b2").containsEntry("importance", 7)
                .containsEntry("kind", "person").containsKey("hash");
        assertThat(sister.get("tags")).asList().containsExactly("mnemo/person", "family");
        Map<String, Object> coriander = VaultNotes.check("coriander", notes.values().stream()
                .filter(n -> n.contains("coriander")).filter(n -> n.startsWith("---\nmnemo_id")).findFirst().orElseThrow());
        assertThat(coriander.get("tags")).as("Obsidian tags: no spaces, never only digits").asList()
                .containsExactly("mnemo/preference", "food", "new-york", "t2026");
        assertThat(notes).containsKeys("People/Ana.md", "People/Tom.md", "Topics/Health.md", "Topics/Preferences.md",
                "Daily/2026-03-14.md", "Daily/2026-04-02.md", "Index.md", "Inbox.md",
                "_Archive/I went to the gym on Tuesday (0000f00d).md", "Memories/CON_ (000a0a0a).md");
        assertThat(notes.get("Memories/My sister Ana lives in Lisbon (0000a1b2).md"))
                .contains("~~My sister Ana lives in Porto.~~ 2026-03-14 to 2026-04-02, corrected");
        assertThat(notes.get("Daily/2026-04-02.md")).contains("Forgotten: 2 memories", "a memory that is no longer kept")
                .doesNotContain("0195a000-0000-7000-8000-0000000000ff");
    }
}
