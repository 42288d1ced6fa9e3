package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.ChildApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mnemo} takes from .env only what the environment leaves unset, reads it as data, and runs none of it. */
class LauncherEnvTest {
    @TempDir
    Path temp;

    @Test
    void theEnvironmentWinsAndTheFileFillsInTheRest() throws Exception {
        Path env = temp.resolve(".env");
        Files.writeString(env, """
                # a comment, then a blank line

                ANTHROPIC_API_KEY=
                SERVER_PORT=9000
                export ASSISTANT_MODEL_CHEAP="claude haiku" # a comment after a quoted value
                BACKUP_CRON="0 30 3 * * *"
                LITERAL='$HOME and $(touch %s)'
                BARE=plain value   # trailing comment
                QUOTE="say \\"hi\\""
                this line is not an assignment
                WINDOWS_LINE=crlf\r
                DOLLAR=ab$cd
                QUOTED_DOLLAR='ab$cd'
                OSTYPE=not-the-shells
                lowercase=value
                """.formatted(temp.resolve("pwned")));

        Map<String, String> seen = load(env, Map.of("ANTHROPIC_API_KEY", "sk-from-the-shell", "SERVER_PORT", ""));

        assertThat(seen).containsEntry("ANTHROPIC_API_KEY", "sk-from-the-shell")
                .containsEntry("SERVER_PORT", "") // set, even empty: the environment's
                .containsEntry("ASSISTANT_MODEL_CHEAP", "claude haiku")
                .containsEntry("BACKUP_CRON", "0 30 3 * * *")
                .containsEntry("LITERAL", "$HOME and $(touch " + temp.resolve("pwned") + ")")
                .containsEntry("BARE", "plain value")
                .containsEntry("QUOTE", "say \"hi\"")
                .containsEntry("WINDOWS_LINE", "crlf");
        assertThat(temp.resolve("pwned")).as("nothing in .env is executed").doesNotExist();
        assertThat(seen).containsEntry("DOLLAR", "ab$cd").containsEntry("QUOTED_DOLLAR", "ab$cd")
                .doesNotContainKey("lowercase").doesNotContainEntry("OSTYPE", "not-the-shells");
        String warnings = seen.get("stderr");
        assertThat(warnings).contains("line 10 is not NAME=value")
                .contains("line 12: DOLLAR holds a $, which ./mnemo keeps but Docker Compose would expand")
                .doesNotContain("QUOTED_DOLLAR holds")
                .contains("line 14: OSTYPE is a variable of the shell itself; it is ignored")
                .contains("line 15 is not NAME=value");
    }

    @Test
    void withoutAFileNothingChanges() throws Exception {
        assertThat(load(temp.resolve("missing.env"), Map.of("SERVER_PORT", "8181")))
                .containsEntry("SERVER_PORT", "8181").doesNotContainKey("BARE");
    }

    /** {@code cp .env.example .env && ./mnemo}: the file as shipped, read as the launcher reads it, starts the server. */
    @Test
    void theShippedEnvExampleStarts() throws Exception {
        Map<String, String> env = load(Path.of(".env.example"), Map.of());
        env.remove("stderr");
        int port = ChildApp.freePort();
        Path log = temp.resolve("server.log");
        ProcessBuilder serve = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.mnemo.MnemoApplication", "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().clear();
        serve.environment().putAll(env);
        serve.environment().putAll(Map.of("PATH", System.getenv("PATH"), "SERVER_PORT", String.valueOf(port),
                "ASSISTANT_DATA_DIR", temp.resolve("data").toString()));
        Process process = serve.start();
        try {
            ChildApp.awaitHealth(port, process::isAlive, log);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Sources bin/load-env in a clean bash with these variables, and returns what it exports afterwards. */
    private Map<String, String> load(Path file, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", ". bin/load-env \"$1\" && env -0", "load-env", file.toString())
                .directory(Path.of("").toAbsolutePath().toFile());
        bash.environment().clear();
        bash.environment().put("PATH", System.getenv("PATH"));
        bash.environment().putAll(environment);
        Path stderr = temp.resolve("stderr.txt");
        bash.redirectError(stderr.toFile());
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        Map<String, String> variables = new HashMap<>();
        for (String entry : out.split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                variables.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        variables.put("stderr", Files.readString(stderr));
        return variables;
    }
}
