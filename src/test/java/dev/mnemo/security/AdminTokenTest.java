package dev.mnemo.security;

import dev.mnemo.system.AssistantProperties;
import dev.mnemo.system.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AdminTokenTest {
    @TempDir
    Path dataDir;

    @Test
    void aGeneratedTokenIsSavedOwnerOnlyNeverPrintedAndReused(CapturedOutput output) throws IOException {
        AdminToken first = token(null);
        Path file = dataDir.resolve(AdminToken.FILE_NAME);
        String token = Files.readString(file).trim();

        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.matches(token)).isTrue();
        AdminToken second = token(null);
        assertThat(second.matches(token)).isTrue();
        assertThat(output.getAll()).as("the ready message says where it is; the token itself is never printed")
                .doesNotContain(token);
    }

    @Test
    void aConfiguredTokenWinsAndNothingIsWritten() {
        AdminToken token = token("configured-secret");

        assertThat(token.matches("configured-secret")).isTrue();
        assertThat(token.matches("configured-secre")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(dataDir.resolve(AdminToken.FILE_NAME)).doesNotExist();
    }

    @Test
    void anEmptyTokenFileIsAnErrorNotAnOpenDoor() throws IOException {
        Files.writeString(dataDir.resolve(AdminToken.FILE_NAME), "\n");

        assertThatThrownBy(() -> token(null)).hasMessageContaining("is empty");
    }

    private AdminToken token(String configured) {
        AssistantProperties properties = new AssistantProperties(dataDir, configured, null);
        return new AdminToken(properties, new DataDirectory(properties));
    }
}
