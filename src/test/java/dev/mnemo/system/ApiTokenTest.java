package dev.mnemo.system;

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
class ApiTokenTest {
    @TempDir
    Path dataDir;

    @Test
    void aGeneratedTokenIsSavedOwnerOnlyPrintedOnceAndReused(CapturedOutput output) throws IOException {
        ApiToken first = new ApiToken(properties(null));
        Path file = dataDir.resolve(ApiToken.FILE_NAME);
        String token = Files.readString(file).trim();

        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.matches(token)).isTrue();
        assertThat(output.getOut()).containsOnlyOnce(token);

        ApiToken second = new ApiToken(properties(null));
        assertThat(second.matches(token)).isTrue();
        assertThat(output.getOut()).containsOnlyOnce(token);
    }

    @Test
    void aConfiguredTokenWinsAndNothingIsWritten() {
        ApiToken token = new ApiToken(properties("configured-secret"));

        assertThat(token.matches("configured-secret")).isTrue();
        assertThat(token.matches("configured-secre")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(dataDir.resolve(ApiToken.FILE_NAME)).doesNotExist();
    }

    @Test
    void anEmptyTokenFileIsAnErrorNotAnOpenDoor() throws IOException {
        Files.writeString(dataDir.resolve(ApiToken.FILE_NAME), "\n");

        assertThatThrownBy(() -> new ApiToken(properties(null))).hasMessageContaining("is empty");
    }

    private AssistantProperties properties(String token) {
        return new AssistantProperties(dataDir, token, null);
    }
}
