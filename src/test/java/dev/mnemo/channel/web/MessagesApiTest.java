package dev.mnemo.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The HTTP contract of DESIGN.md, offline (no model configured), through real HTTP. */
@SqliteApp
@ExtendWith(OutputCaptureExtension.class)
class MessagesApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "api-" + UUID.randomUUID();
    }

    @Test
    void offlineModeKeepsTheMessageAndSaysPlainlyThatNoModelIsConfigured() {
        Api.Response response = api.message(user, "What's the weather like?");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("reply").asString()).contains("No language model is configured");
        assertThat(response.json().get("route").asString()).isEqualTo("SIMPLE");
        assertThat(response.json().get("model").isNull()).isTrue();
        assertThat(response.json().get("costUsd").decimalValue()).isZero();
        String id = response.json().get("messageId").asString();
        assertThat(jdbc.sql("SELECT status FROM messages WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("UNANSWERED");
    }

    @Test
    void commandsWorkWithoutAModel() {
        Api.Response help = api.message(user, "/help");
        Api.Response cost = api.message(user, "/cost");
        Api.Response unknown = api.message(user, "/frobnicate now");

        assertThat(help.json().get("route").asString()).isEqualTo("COMMAND");
        assertThat(help.json().get("reply").asString()).contains("/cost", "/help");
        assertThat(cost.json().get("reply").asString()).contains("$0.0000 of your $2.00 budget");
        assertThat(unknown.json().get("reply").asString()).startsWith("I don't know the command /frobnicate");
    }

    @Test
    void concurrentMessagesAreAllStoredAndAnswered() throws Exception {
        int count = 32;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String text = i % 2 == 0 ? "/help" : "message " + i;
                responses.add(pool.submit(() -> api.message(user, text)));
            }
            for (var response : responses) {
                assertThat(response.get().status()).isEqualTo(200);
            }
        }
        assertThat(storedMessages()).isEqualTo(2L * count);
    }

    @Test
    void missingOrWrongTokenIs401() {
        Api.Response missing = new Api(port, SqliteApp.API_TOKEN).send(new Api(port, "x").request("/api/v1/messages")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("userId", user, "text", "hi")))));
        Api.Response wrong = new Api(port, "not-the-token").message(user, "hi");
        Api.Response costs = new Api(port, "not-the-token").get("/api/v1/costs?userId=" + user);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").asString()).isEqualTo("missing bearer token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asString()).isEqualTo("invalid bearer token");
        assertThat(costs.status()).isEqualTo(401);
        assertThat(storedMessages()).isZero();
    }

    @Test
    void badInputGets400WithAJsonErrorAndStoresNothing() {
        assertError(api.post("/api/v1/messages", "{\"userId\": \"" + user + "\", \"text\": "), 400, "malformed JSON");
        assertError(api.post("/api/v1/messages", "[1,2]"), 400, "malformed JSON");
        assertError(api.post("/api/v1/messages", "{\"userId\": \"" + user + "\"}"), 400, "text");
        assertError(api.post("/api/v1/messages", "{\"text\": \"hello\"}"), 400, "userId");
        assertError(api.post("/api/v1/messages", "{\"userId\": \"" + user + "\", \"text\": \"   \"}"), 400, "text");
        assertError(api.post("/api/v1/messages", "{\"userId\": \"" + user + "\", \"text\": 42}"), 400, "");
        assertThat(storedMessages()).isZero();
    }

    @Test
    void textOver16000CharactersIs413AndAtTheLimitIsAccepted() {
        assertError(api.message(user, "a".repeat(16_001)), 413, "16000");
        assertThat(storedMessages()).isZero();

        assertThat(api.message(user, "a".repeat(16_000)).status()).isEqualTo(200);
        assertThat(storedMessages()).isEqualTo(2);
    }

    @Test
    void oversizedBodiesAre413EvenWithoutContentLength() {
        String huge = Api.json(Map.of("userId", user, "text", "x".repeat(300_000)));
        assertError(api.post("/api/v1/messages", huge), 413, "request body");
        Api.Response chunked = api.send(api.request("/api/v1/messages")
                .header("Authorization", "Bearer " + SqliteApp.API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes()))));
        assertError(chunked, 413, "request body");
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrors() {
        assertError(api.get("/api/v1/nothing-here"), 404, "not found");
        assertError(api.get("/api/v1/messages"), 405, "GET");
        assertError(api.send(api.request("/api/v1/messages").header("Authorization", "Bearer " + SqliteApp.API_TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi"))), 415, "json");
    }

    @Test
    void costsNeedAUserAndAValidMonth() {
        assertError(api.get("/api/v1/costs"), 400, "userId");
        assertError(api.get("/api/v1/costs?userId=" + user + "&month=2026-13"), 400, "");
        assertError(api.get("/api/v1/costs?userId=" + user + "&month=last"), 400, "");
        Api.Response ok = api.get("/api/v1/costs?userId=" + user + "&month=2026-11");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("month").asString()).isEqualTo("2026-11");
        assertThat(ok.json().get("budgetUsd").decimalValue()).isEqualByComparingTo("2.00");
    }

    @Test
    void healthNeedsNoTokenAndErrorsNeverShowStackTraces(CapturedOutput output) {
        Api anonymous = new Api(port, "");
        Api.Response health = anonymous.send(anonymous.request("/actuator/health").GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        Api.Response bad = api.post("/api/v1/messages", "{\"userId\": [}");
        assertThat(bad.body()).doesNotContain("Exception", "at org.", "at dev.");
        assertThat(output.getAll()).doesNotContain(SqliteApp.API_TOKEN);
    }

    private long storedMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE user_id = ?").param(user).query(Long.class).single();
    }

    private static void assertError(Api.Response response, int status, String contains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("error").asString()).containsIgnoringCase(contains);
    }
}
