package dev.mnemo.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicError;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole loop against a fake Anthropic Messages API on loopback, including its failures. */
@FakeAnthropicApp
@ExtendWith(OutputCaptureExtension.class)
class AnthropicConversationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "anthropic-" + UUID.randomUUID();
    }

    @Test
    void repliesWithTheCheapModelOverTheRealWireFormatAndRecordsTheCost() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Hey! All good here.", 1000, 200, 0, 0)));

        Api.Response response = api.message(user, "hey, what's up?");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("reply").asString()).isEqualTo("Hey! All good here.");
        assertThat(body.get("route").asString()).isEqualTo("SIMPLE");
        assertThat(body.get("model").asString()).isEqualTo(CHEAP);
        assertThat(body.get("costUsd").decimalValue()).isEqualByComparingTo("0.002"); // 1000 x $1/M + 200 x $5/M

        LoggedRequest sent = requestsFor(ANTHROPIC_PATH, CHEAP).getFirst();
        assertThat(sent.getHeader("x-api-key")).isEqualTo(FakeModelServer.ANTHROPIC_KEY);
        assertThat(sent.getHeader("anthropic-version")).isNotBlank();
        JsonNode request = JSON.readTree(sent.getBodyAsString());
        assertThat(request.get("max_tokens").asInt()).isEqualTo(300); // the simple agent's cap
        assertThat(request.toString()).contains("You are Mnemo");
        JsonNode messages = request.get("messages");
        assertThat(messages.get(messages.size() - 1).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(messages.size() - 1).toString()).contains("hey, what's up?");

        assertThat(status(body.get("messageId").asString())).isEqualTo("ANSWERED");
        JsonNode costs = api.get("/api/v1/costs?userId=" + user).json();
        assertThat(costs.get("totalUsd").decimalValue()).isEqualByComparingTo("0.002");
        assertThat(costs.get("byModel").get(0).get("key").asString()).isEqualTo(CHEAP);
        assertThat(costs.get("byModel").get(0).get("inputTokens").asLong()).isEqualTo(1000);
        assertThat(costs.get("byRoute").get(0).get("key").asString()).isEqualTo("SIMPLE");
    }

    @Test
    void cacheReadsAndWritesArePricedAtTheirOwnRates() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "ok", 100, 100, 20_000, 800)));

        // 100 x $1 + 100 x $5 + 20,000 x $0.10 + 800 x $1.25, per million tokens
        assertThat(api.message(user, "hi").json().get("costUsd").decimalValue()).isEqualByComparingTo("0.0036");
        JsonNode line = api.get("/api/v1/costs?userId=" + user).json().get("byModel").get(0);
        assertThat(line.get("cacheReadTokens").asLong()).isEqualTo(20_000);
        assertThat(line.get("cacheWriteTokens").asLong()).isEqualTo(800);
    }

    @Test
    void earlierTurnsOfTheConversationGoIntoThePrompt() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Nice to meet you, Sam.", 10, 10, 0, 0)));
        api.message(user, "My name is Sam.");
        api.message(user, "What's my name?");

        List<LoggedRequest> sent = requestsFor(ANTHROPIC_PATH, CHEAP);
        JsonNode messages = JSON.readTree(sent.getLast().getBodyAsString()).get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).toString()).contains("My name is Sam.");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(1).toString()).contains("Nice to meet you, Sam.");
        assertThat(messages.get(2).toString()).contains("What's my name?");
    }

    @Test
    void theInboundMessageIsCommittedBeforeTheModelIsCalled() {
        AtomicReference<List<String>> seenDuringCall = new AtomicReference<>();
        FakeModelServer.onRequest(request -> seenDuringCall.set(jdbc
                .sql("SELECT status FROM messages WHERE user_id = ? AND direction = 'IN'").param(user)
                .query(String.class).list()));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "ok", 10, 10, 0, 0)));

        api.message(user, "hello");

        assertThat(seenDuringCall.get()).containsExactly("UNANSWERED");
    }

    @Test
    void anOverloaded529IsRetried() {
        server().stubFor(anthropic(CHEAP).inScenario("overload").whenScenarioStateIs(STARTED)
                .willReturn(anthropicError(529, "overloaded_error")).willSetStateTo("recovered"));
        server().stubFor(anthropic(CHEAP).inScenario("overload").whenScenarioStateIs("recovered")
                .willReturn(anthropicReply(CHEAP, "Back again.", 10, 10, 0, 0)));

        JsonNode body = api.message(user, "hi").json();

        assertThat(body.get("reply").asString()).isEqualTo("Back again.");
        assertThat(requestsFor(ANTHROPIC_PATH, CHEAP)).hasSize(2);
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void a429IsRetriedNoSoonerThanItsRetryAfter() {
        server().stubFor(anthropic(CHEAP).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(anthropicError(429, "rate_limit_error").withHeader("retry-after", "1"))
                .willSetStateTo("allowed"));
        server().stubFor(anthropic(CHEAP).inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(anthropicReply(CHEAP, "Thanks for waiting.", 10, 10, 0, 0)));

        assertThat(api.message(user, "hi").json().get("reply").asString()).isEqualTo("Thanks for waiting.");

        List<LoggedRequest> sent = requestsFor(ANTHROPIC_PATH, CHEAP);
        assertThat(sent).hasSize(2);
        long waited = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(1000); // the configured backoff alone is 20 ms
    }

    @Test
    void aTimeoutIsRetried() {
        server().stubFor(anthropic(CHEAP).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(anthropicReply(CHEAP, "too late", 10, 10, 0, 0).withFixedDelay(2500))
                .willSetStateTo("fast"));
        server().stubFor(anthropic(CHEAP).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(anthropicReply(CHEAP, "On time.", 10, 10, 0, 0)));

        assertThat(api.message(user, "hi").json().get("reply").asString()).isEqualTo("On time.");
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void whenTheSmartModelKeepsFailingTheCheapOneAnswers() {
        server().stubFor(anthropic(SMART).willReturn(anthropicError(500, "api_error")));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Here's a plan.", 10, 10, 0, 0)));

        JsonNode body = api.message(user, "Help me plan my week: work, gym and a trip to Porto.").json();

        assertThat(body.get("route").asString()).isEqualTo("COMPLEX");
        assertThat(body.get("model").asString()).isEqualTo(CHEAP);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).hasSize(3); // max-attempts
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void aRequestTheProviderRejectsIsNotRetried() {
        server().stubFor(anthropic(SMART).willReturn(anthropicError(400, "invalid_request_error")));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Fine.", 10, 10, 0, 0)));

        assertThat(api.message(user, "Should I take the job offer in Lisbon?").json().get("model").asString())
                .isEqualTo(CHEAP);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).hasSize(1);
    }

    @Test
    void whenEveryModelFailsThePersonIsToldAndTheMessageStaysUnanswered() {
        server().stubFor(anthropic(SMART).willReturn(anthropicError(503, "api_error")));
        server().stubFor(anthropic(CHEAP).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        JsonNode body = api.message(user, "Write a short toast for my sister's wedding.").json();

        assertThat(body.get("reply").asString()).startsWith("I couldn't reach my model").contains("keep your message");
        assertThat(body.get("model").isNull()).isTrue();
        assertThat(body.get("costUsd").decimalValue()).isZero();
        assertThat(status(body.get("messageId").asString())).isEqualTo("UNANSWERED");
        assertThat(calls()).isZero();
        assertThat(jdbc.sql("SELECT text FROM messages WHERE user_id = ? AND direction = 'IN'").param(user)
                .query(String.class).single()).isEqualTo("Write a short toast for my sister's wedding.");
    }

    @Test
    void pastTheBudgetEvenComplexMessagesGoToTheCheapModel() {
        jdbc.sql("""
                INSERT INTO model_calls (id, user_id, purpose, provider, model, input_tokens, output_tokens,
                    cache_read_tokens, cache_write_tokens, cost_nanos, latency_ms, created_at)
                VALUES (?, ?, 'COMPLEX', 'anthropic', ?, 0, 0, 0, 0, 2500000000, 1, ?)""")
                .params(UUID.randomUUID().toString(), user, SMART, dev.mnemo.testing.TestClockConfiguration.START.toEpochMilli())
                .update();
        server().stubFor(anthropic(SMART).willReturn(anthropicReply(SMART, "expensive", 10, 10, 0, 0)));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "cheap", 10, 10, 0, 0)));

        JsonNode body = api.message(user, "Compare these two mortgage offers for me.").json();

        assertThat(body.get("route").asString()).isEqualTo("COMPLEX");
        assertThat(body.get("model").asString()).isEqualTo(CHEAP);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).isEmpty();
        assertThat(api.message(user, "/cost").json().get("reply").asString()).contains("$2.50 of your $2.00 budget");
    }

    @Test
    void secretsNeverReachTheLog(CapturedOutput output) {
        server().stubFor(anthropic(SMART).willReturn(anthropicError(401, "authentication_error")));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicError(529, "overloaded_error")));

        api.message(user, "Plan a birthday party for Ana.");

        server().verify(postRequestedFor(urlEqualTo(ANTHROPIC_PATH)).withHeader("x-api-key", equalTo(FakeModelServer.ANTHROPIC_KEY)));
        assertThat(output.getAll()).contains("Model anthropic:" + SMART + " failed (HTTP 401)")
                .doesNotContain(FakeModelServer.ANTHROPIC_KEY, SqliteApp.API_TOKEN);
    }

    private String status(String messageId) {
        return jdbc.sql("SELECT status FROM messages WHERE id = ?").param(messageId).query(String.class).single();
    }

    private long calls() {
        return jdbc.sql("SELECT COUNT(*) FROM model_calls WHERE user_id = ?").param(user).query(Long.class).single();
    }
}
