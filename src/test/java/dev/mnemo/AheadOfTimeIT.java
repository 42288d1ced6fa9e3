package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.ChildApp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a person starts it, serves from the bean definitions its build made ahead of time —
 * and they serve every setting they were not made with: here MCP, off when they were made, is on. A management
 * port of its own, which they cannot serve, starts it without them. Runs after {@code package} (Failsafe, the
 * {@code aot} profile), on the jar itself, with nothing of this machine's environment but its PATH.
 */
class AheadOfTimeIT {
    private static final String TOKEN = "aot-test-token";
    @TempDir
    Path temp;

    @Test
    void theJarServesFromItsAheadOfTimeDefinitions() throws Exception {
        int port = ChildApp.freePort();
        Path log = temp.resolve("aot.log");
        Process process = start(log, Map.of("SERVER_PORT", String.valueOf(port), "ASSISTANT_MCP_ENABLED", "true"));
        try {
            ChildApp.awaitHealth(port, process::isAlive, log);
            assertThat(Files.readString(log)).contains("Starting AOT-processed MnemoApplication");
            Api api = new Api(port, TOKEN);
            Api.Response reply = api.post("/api/v1/messages", "{\"userId\":\"ana\",\"text\":\"hello there\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            Api.Response stored = api.post("/api/v1/memories", "{\"userId\":\"ana\",\"text\":\"My sister Ana lives in Porto\"}");
            assertThat(stored.status()).as(stored.body()).isIn(200, 201);
            assertThat(api.get("/api/v1/memories?userId=ana").body()).contains("Porto");
            Api.Response mcp = api.send(api.authorizedRequest("/mcp").header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}")));
            assertThat(mcp.status()).as(mcp.body()).isEqualTo(200);
            assertThat(mcp.body()).contains("search_memories");
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aManagementPortOfItsOwnStartsWithoutThem() throws Exception {
        int port = ChildApp.freePort();
        int management = ChildApp.freePort();
        Path log = temp.resolve("management.log");
        Process process = start(log, Map.of("SERVER_PORT", String.valueOf(port),
                "MANAGEMENT_SERVER_PORT", String.valueOf(management), "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"));
        try {
            ChildApp.awaitHealth(management, process::isAlive, log);
            assertThat(Files.readString(log)).contains("Starting MnemoApplication")
                    .doesNotContain("AOT-processed");
            assertThat(new Api(port, TOKEN).get("/api/v1/memories?userId=ana").status()).isEqualTo(200);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path log, Map<String, String> settings) throws IOException {
        Path jar = Path.of("target", "mnemo.jar");
        assertThat(jar).as("the packaged jar").exists();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(settings);
        env.put("PATH", System.getenv("PATH"));
        env.put("ASSISTANT_DATA_DIR", temp.resolve("data-" + log.getFileName()).toString());
        env.put("ASSISTANT_API_TOKEN", TOKEN);
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }
}
