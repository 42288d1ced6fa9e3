package dev.mnemo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.system.DataDirectory;
import dev.mnemo.system.StartupRefused;
import dev.mnemo.testing.SqliteApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner's chat token: created once, kept owner-only, renewed when the one kept no longer works. */
@SqliteApp
class StartupTokensTest {
    @Autowired
    StartupTokens startupTokens;
    @Autowired
    PersonTokens tokens;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void aLiveTokenIsKeptARevokedOneIsReplacedAndTheFileStaysTheOwners() throws Exception {
        Path file = dataDirectory.path().resolve(StartupTokens.CHAT_TOKEN_FILE);
        startupTokens.prepare(); // the application's start already made one: nothing new now
        String kept = Files.readString(file).strip();
        StartupTokens.Report again = startupTokens.prepare();
        assertThat(again.created()).isEmpty();
        assertThat(Files.readString(file).strip()).isEqualTo(kept);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.toString()).doesNotContain(kept);

        tokens.list(StartupTokens.OWNER).stream().filter(t -> t.revokedAt().isEmpty()).forEach(t -> tokens.revoke(t.id()));
        StartupTokens.Report renewed = startupTokens.prepare();

        assertThat(renewed.created()).isPresent();
        assertThat(renewed.created().get()).isNotEqualTo(kept).startsWith("mnemo_");
        assertThat(Files.readString(file).strip()).isEqualTo(renewed.created().get());
        assertThat(tokens.authenticate(renewed.created().get())).get().extracting(c -> c.userId().orElseThrow())
                .isEqualTo(StartupTokens.OWNER);
        assertThat(renewed.toString()).doesNotContain(renewed.created().get());
    }

    @Test
    void aLinkInPlaceOfTheFileRefusesTheStart() throws Exception {
        Path file = dataDirectory.path().resolve(StartupTokens.CHAT_TOKEN_FILE);
        Path elsewhere = Files.createTempFile("elsewhere", ".txt");
        Path saved = Files.createTempFile("saved", ".token");
        Files.move(file, saved, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.createSymbolicLink(file, elsewhere);
            assertThatThrownBy(startupTokens::prepare).isInstanceOf(StartupRefused.class).hasMessageContaining("not a regular file");
            assertThat(Files.readString(elsewhere)).isEmpty();
        } finally {
            Files.deleteIfExists(file);
            Files.move(saved, file);
        }
    }
}
