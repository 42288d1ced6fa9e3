package dev.mnemo.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault's repository: it belongs to one person, and a reset to another commit leaves untracked files alone. */
class VaultGitTest {
    @TempDir
    Path root;

    @Test
    void aFolderHoldingOnePersonsMemoriesRefusesAnother() throws Exception {
        VaultGit.open(root, "ana", GitRemote.NONE).close();
        VaultGit.open(root, "ana", GitRemote.NONE).close();

        assertThatThrownBy(() -> VaultGit.open(root, "tom", GitRemote.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VAULT_USER");
    }

    @Test
    void aResetKeepsTheFilesGitDoesNotTrack() throws Exception {
        try (VaultGit git = VaultGit.open(root, "ana", GitRemote.NONE)) {
            Files.writeString(root.resolve("a.md"), "one\n");
            git.commit(Set.of("a.md"), "first", Instant.parse("2026-12-01T10:00:00Z"));
            var first = git.head().orElseThrow();
            Files.writeString(root.resolve("a.md"), "two\n");
            git.commit(Set.of("a.md"), "second", Instant.parse("2026-12-01T10:01:00Z"));
            Files.writeString(root.resolve("mine.md"), "the person's\n");

            git.resetTo(first);

            assertThat(root.resolve("a.md")).content().isEqualTo("one\n");
            assertThat(root.resolve("mine.md")).content().isEqualTo("the person's\n");
            assertThat(git.bytes(first, "a.md")).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("one\n"));
            assertThat(git.bytes(first, "mine.md")).isEmpty();
        }
    }
}
