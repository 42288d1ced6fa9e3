package dev.mnemo.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a vault failure may say: no token, no password in any URL, no folder path, no memory's words. */
class SecretsTest {
    @Test
    void aFailureSaysNeitherTheTokenNorTheFolderNorTheWordsOfANote() {
        Path root = Path.of("/home/ana/Vault/Mnemo");
        IOException e = new IOException("cannot write /home/ana/Vault/Mnemo/Memories/My PIN is 4412 (0000a1b2).md and "
                + "People/Rita Okafor.md via ssh://ana:hunter2@git.example.org/vault.git with tok-123");

        String said = Secrets.hidden(e, "tok-123", root);

        assertThat(said).doesNotContain("4412", "Rita", "Okafor", "hunter2", "tok-123", "/home/ana")
                .contains("Memories/…", "ssh://***@");
    }
}
