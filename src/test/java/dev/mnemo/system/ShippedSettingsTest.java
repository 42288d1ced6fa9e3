package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .env.example} is the one list of settings: every variable a shipped file reads is in it, everything in
 * it is read somewhere, the compose files hand each one to the container, and there the shell's value wins.
 */
class ShippedSettingsTest {
    /** Set by the operating system, the shell or CI, not by a person configuring Mnemo. */
    private static final Set<String> NOT_SETTINGS = Set.of("HOME", "PATH", "JAVA_HOME", "BASH_SOURCE", "BASH_REMATCH", "CI");
    /** Read by Spring Boot itself, by relaxed binding (MANAGEMENT_SERVER_PORT is management.server.port). */
    private static final Set<String> READ_BY_SPRING = Set.of("MANAGEMENT_SERVER_PORT", "MANAGEMENT_SERVER_ADDRESS",
            "SPRING_PROFILES_ACTIVE");
    /** Where Mnemo sits inside its container (and the launcher's own): the compose files fix these, whatever .env says. */
    private static final Set<String> FIXED_IN_CONTAINER = Set.of("SERVER_ADDRESS", "SERVER_PORT", "ASSISTANT_DATA_DIR",
            "MANAGEMENT_SERVER_PORT", "MANAGEMENT_SERVER_ADDRESS", "ASSISTANT_DB_URL", "ASSISTANT_DB_USER",
            "ASSISTANT_DB_PASSWORD", "REDIS_URL", "POSTGRES_PASSWORD", "GRAFANA_PASSWORD",
            "MNEMO_URL", "MNEMO_TOKEN", "MNEMO_CHAT_HISTORY", "MNEMO_ENV_FILE", "MNEMO_STARTUP_CACHE",
            // the image sets it; an empty pass-through would undo that
            "MALLOC_ARENA_MAX");
    /** Read by a library itself (the AWS SDK's default credentials), and by the compose files for their services. */
    private static final Set<String> READ_ELSEWHERE = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "POSTGRES_PASSWORD", "GRAFANA_PASSWORD");
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.prod.yml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern JAVA_READ = Pattern.compile("(?:getenv|env\\.get)\\(\"([A-Z][A-Z0-9_]*)\"\\)");

    @TempDir
    Path temp;

    @Test
    void everyVariableReadIsListedAndEveryListedOneIsRead() throws IOException {
        Set<String> listed = listed();
        // What Mnemo itself reads: its configuration, its code, its launcher (not the compose files' pass-through).
        Set<String> readByMnemo = new TreeSet<>(READ_BY_SPRING);
        for (Path file : List.of(Path.of("src/main/resources/application.yml"), Path.of("mnemo"))) {
            collect(PLACEHOLDER, Files.readString(file), readByMnemo);
        }
        try (Stream<Path> bin = Files.list(Path.of("bin"))) {
            for (Path script : bin.toList()) {
                collect(PLACEHOLDER, Files.readString(script), readByMnemo);
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(JAVA_READ, Files.readString(source), readByMnemo);
            }
        }
        Set<String> readByAnyShippedFile = new TreeSet<>(readByMnemo);
        for (Path file : List.of(Path.of("Dockerfile"), Path.of(COMPOSE_FILES.get(0)), Path.of(COMPOSE_FILES.get(1)))) {
            collect(PLACEHOLDER, Files.readString(file), readByAnyShippedFile);
        }
        readByMnemo.removeAll(NOT_SETTINGS);
        readByAnyShippedFile.removeAll(NOT_SETTINGS);
        readByMnemo.addAll(READ_ELSEWHERE);

        assertThat(listed).as("variables read by a shipped file but missing from .env.example").containsAll(readByAnyShippedFile);
        assertThat(readByMnemo).as("variables in .env.example that nothing reads").containsAll(listed);
    }

    @Test
    void theComposeFilesPassEverySettingThroughFromTheEnvironment() throws IOException {
        for (String compose : COMPOSE_FILES) {
            String text = Files.readString(Path.of(compose));
            assertThat(text).as(compose).doesNotContain("env_file");
            for (String variable : listed()) {
                if (!FIXED_IN_CONTAINER.contains(variable)) {
                    assertThat(text).as(compose).contains("      " + variable + ": ${" + variable + ":-}\n");
                }
            }
        }
    }

    @Test
    void inComposeTheShellWinsOverDotEnv() throws Exception {
        TestDatabases.require(installed("docker-compose"),
                "docker-compose is not installed (apt-get install docker-compose; .ci/run does it): its config is not checked");
        Path env = temp.resolve("test.env");
        Files.writeString(env, "ANTHROPIC_API_KEY=from-the-file\nASSISTANT_MODEL_CHEAP=model-from-the-file\n"
                + "SERVER_ADDRESS=127.0.0.1\nPOSTGRES_PASSWORD=pg\nGRAFANA_PASSWORD=gf\n");
        for (String compose : COMPOSE_FILES) {
            ProcessBuilder config = new ProcessBuilder("docker-compose", "--env-file", env.toString(), "-f", compose, "config")
                    .redirectErrorStream(true);
            // Only what this test sets: a variable exported in the developer's shell must not change the outcome.
            config.environment().clear();
            config.environment().put("PATH", System.getenv("PATH"));
            config.environment().put("ANTHROPIC_API_KEY", "from-the-shell");
            Process process = config.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).as(compose).contains("ANTHROPIC_API_KEY: from-the-shell")
                    .contains("ASSISTANT_MODEL_CHEAP: model-from-the-file")
                    .contains("SERVER_ADDRESS: 0.0.0.0")
                    .doesNotContain("ANTHROPIC_API_KEY: from-the-file");
        }
    }

    private static Set<String> listed() throws IOException {
        Set<String> listed = new TreeSet<>();
        collect(Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)="), Files.readString(Path.of(".env.example")), listed);
        return listed;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static boolean installed(String command) {
        try {
            return new ProcessBuilder(command, "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
