package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a person starts it, serves from the bean definitions its build made ahead of time —
 * and they serve every setting, though they were made with none: here MCP, off when they were made, is on.
 * Runs after {@code package} (Failsafe, the {@code aot} profile), on the jar itself.
 */
class AheadOfTimeIT {
    private static final String TOKEN = "aot-test-token";
    @TempDir
    Path data;
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void theJarServesFromItsAheadOfTimeDefinitions() throws Exception {
        Path jar = Path.of("target", "mnemo.jar");
        assertThat(jar).as("the packaged jar").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = data.resolve("log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ASSISTANT_") || key.startsWith("ANTHROPIC_") || key.startsWith("OPENAI_")
                || key.startsWith("TWILIO_") || key.startsWith("DISCORD_") || key.startsWith("BACKUP_") || key.equals("REDIS_URL"));
        env.putAll(Map.of("SERVER_PORT", String.valueOf(port), "ASSISTANT_DATA_DIR", data.resolve("data").toString(),
                "ASSISTANT_API_TOKEN", TOKEN, "ASSISTANT_MCP_ENABLED", "true"));
        process = builder.start();
        Api api = new Api(port, TOKEN);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("the jar exited:%n%s", read(log)).isTrue();
            try {
                return api.send(api.request("/actuator/health").GET()).status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });

        assertThat(read(log)).contains("Starting AOT-processed MnemoApplication");
        Api.Response reply = api.post("/api/v1/messages", "{\"userId\":\"ana\",\"text\":\"hello there\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Api.Response stored = api.post("/api/v1/memories", "{\"userId\":\"ana\",\"text\":\"My sister Ana lives in Porto\"}");
        assertThat(stored.status()).as(stored.body()).isIn(200, 201);
        assertThat(api.get("/api/v1/memories?userId=ana").body()).contains("Porto");
        Api.Response mcp = api.send(api.authorizedRequest("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}")));
        assertThat(mcp.status()).as(mcp.body()).isEqualTo(200);
        assertThat(mcp.body()).contains("search_memories");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
