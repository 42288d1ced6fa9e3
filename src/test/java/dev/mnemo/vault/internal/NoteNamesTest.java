package dev.mnemo.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names every file system and Obsidian's links keep. */
class NoteNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a[b]c", "x#y^z", "pipe|here", "back\\slash", "co:lon", "star*", "what?", "\"quoted\"",
            "<angle>", "slash/ed", "tab\there", "new\nline", "trailing dot.", "trailing space ", "..hidden"})
    void refusedCharactersAndEndingsNeverReachAName(String title) {
        String name = NoteNames.of(title, "");
        assertThat(name).doesNotContainPattern("[\\[\\]#^|\\\\:*?\"<>/\\p{Cntrl}]").doesNotEndWith(".").doesNotEndWith(" ")
                .doesNotStartWith(".").isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Nul", "COM1", "lpt9", "aux.txt", "PRN "})
    void reservedWindowsNamesAreNotUsedAsTheyAre(String title) {
        String name = NoteNames.of(title, "");
        assertThat(name.replaceFirst("\\..*$", "").strip().toUpperCase())
                .isNotIn("CON", "PRN", "AUX", "NUL", "COM1", "LPT9");
    }

    @Test
    void aLongNameFitsIn255BytesWithItsSuffixAndExtensionWithoutSplittingACharacter() {
        String name = NoteNames.of("é".repeat(200) + "🙂".repeat(50), " (0000a1b2)");
        assertThat((name + ".md").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(name).endsWith(" (0000a1b2)").doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(name.charAt(name.length() - " (0000a1b2)".length() - 1))).isFalse();
    }

    @Test
    void memoriesWhoseNamesDifferOnlyInCaseOrShareAnIdEndingGetDifferentFilesOnACaseInsensitiveDisk() {
        Memory upper = memory("0195a000-0000-7000-8000-00000000a1b2", "I love Hiking");
        Memory lower = memory("0195a000-0000-7000-8001-00000000A1B2", "I love hiking");
        Memory same = memory("0195a000-0000-7000-8002-00000000a1b2", "i love hiking");
        VaultView view = new VaultView(List.of(upper, lower, same), List.of());
        Set<String> keys = view.paths.values().stream().map(NoteNames::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(3);
    }

    @Test
    void peopleAreNamedOnceWhateverTheCase() {
        VaultView view = new VaultView(List.of(memory("0195a000-0000-7000-8000-000000000001", "My sister Ana lives in Porto"),
                memory("0195a000-0000-7000-8000-000000000002", "my sister ANA is a doctor"),
                memory("0195a000-0000-7000-8000-000000000003", "Ana's birthday is 14 March")), List.of());
        assertThat(view.people.keySet()).containsExactly("Ana");
        assertThat(view.people.get("Ana")).hasSize(3);
    }

    private static Memory memory(String id, String text) {
        return NoteRendererTest.memory(id, text, MemoryKind.FACT, 5, List.of(), NoteRendererTest.MARCH);
    }
}
