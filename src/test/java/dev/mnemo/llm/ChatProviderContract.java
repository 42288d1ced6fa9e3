package dev.mnemo.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.math.BigDecimal;
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

/**
 * What the conversation loop needs from every chat-model provider, through its real wire format on loopback:
 * a reply with its cost, the earlier turns in the prompt, the message committed before the call, an overloaded
 * provider retried, a rejected request not retried, a person told when no model answers, and the key never
 * logged. A provider's test supplies its wire format through the hooks and adds what only it does.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ChatProviderContract {
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    protected JdbcClient jdbc;
    protected Api api;
    protected String user;

    private final String path;
    private final String cheap;
    private final String smart;

    /** @param path the provider's endpoint on the fake server; {@code cheap} and {@code smart} its two models */
    protected ChatProviderContract(String path, String cheap, String smart) {
        this.path = path;
        this.cheap = cheap;
        this.smart = smart;
    }

    protected String path() {
        return path;
    }

    protected String cheap() {
        return cheap;
    }

    protected String smart() {
        return smart;
    }

    protected abstract MappingBuilder request(String model);

    protected abstract ResponseDefinitionBuilder reply(String model, String text, int inputTokens, int outputTokens);

    /** An error as the provider writes one. */
    protected abstract ResponseDefinitionBuilder error(int status);

    /** The provider's API key as this test application has it. */
    protected abstract String apiKey();

    /** The header that carries the key, as the provider wants it. */
    protected abstract String keyHeaderOf(LoggedRequest request);

    /** The conversation's turns in a request (without the system prompt), each as role and text. */
    protected abstract List<String> turns(JsonNode request);

    /** What the cheap model costs for these tokens. */
    protected abstract BigDecimal cheapCost(int inputTokens, int outputTokens);

    @BeforeEach
    void newUser() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = getClass().getSimpleName() + "-" + UUID.randomUUID();
    }

    @Test
    void aReplyComesBackWithItsModelAndCost() {
        server().stubFor(request(cheap()).willReturn(reply(cheap(), "Hey! All good here.", 1000, 200)));

        Api.Response response = api.message(user, "hey, what's up?");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("reply").asString()).isEqualTo("Hey! All good here.");
        assertThat(body.get("model").asString()).isEqualTo(cheap());
        assertThat(body.get("costUsd").decimalValue()).isEqualByComparingTo(cheapCost(1000, 200));
        LoggedRequest sent = requestsFor(path(), cheap()).getFirst();
        assertThat(keyHeaderOf(sent)).isNotNull().contains(apiKey());
        assertThat(turns(JSON.readTree(sent.getBodyAsString())).getLast()).startsWith("user:").endsWith("hey, what's up?");
        assertThat(status(body.get("messageId").asString())).isEqualTo("ANSWERED");
        assertThat(api.get("/api/v1/costs?userId=" + user).json().get("totalUsd").decimalValue())
                .isEqualByComparingTo(cheapCost(1000, 200));
    }

    @Test
    void earlierTurnsOfTheConversationGoIntoThePrompt() {
        server().stubFor(request(cheap()).willReturn(reply(cheap(), "Nice to meet you, Sam.", 10, 10)));
        api.message(user, "My name is Sam.");
        api.message(user, "What's my name?");

        List<String> turns = turns(JSON.readTree(requestsFor(path(), cheap()).getLast().getBodyAsString()));
        assertThat(turns).hasSize(3);
        assertThat(turns.get(0)).startsWith("user:").contains("My name is Sam.");
        assertThat(turns.get(1)).isEqualTo("assistant: Nice to meet you, Sam.");
        assertThat(turns.get(2)).startsWith("user:").contains("What's my name?");
    }

    @Test
    void theInboundMessageIsCommittedBeforeTheModelIsCalled() {
        AtomicReference<List<String>> seenDuringCall = new AtomicReference<>();
        FakeModelServer.onRequest(request -> seenDuringCall.set(jdbc
                .sql("SELECT status FROM messages WHERE user_id = ? AND direction = 'IN'").param(user)
                .query(String.class).list()));
        server().stubFor(request(cheap()).willReturn(reply(cheap(), "ok", 10, 10)));

        api.message(user, "hello");

        assertThat(seenDuringCall.get()).containsExactly("UNANSWERED");
    }

    @Test
    void anOverloadedProviderIsRetried() {
        server().stubFor(request(cheap()).inScenario("overload").whenScenarioStateIs("Started")
                .willReturn(error(503)).willSetStateTo("recovered"));
        server().stubFor(request(cheap()).inScenario("overload").whenScenarioStateIs("recovered")
                .willReturn(reply(cheap(), "Back again.", 10, 10)));

        assertThat(api.message(user, "hi").json().get("reply").asString()).isEqualTo("Back again.");
        assertThat(requestsFor(path(), cheap())).hasSize(2);
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void aRequestTheProviderRejectsIsNotRetriedAndTheCheapModelAnswers() {
        server().stubFor(request(smart()).willReturn(error(400)));
        server().stubFor(request(cheap()).willReturn(reply(cheap(), "Fine.", 10, 10)));

        assertThat(api.message(user, "Write a cover letter for the job offer in Lisbon").json().get("model").asString())
                .isEqualTo(cheap());
        assertThat(requestsFor(path(), smart())).hasSize(1);
    }

    @Test
    void whenEveryModelFailsThePersonIsToldAndTheMessageStaysUnanswered() {
        server().stubFor(request(smart()).willReturn(error(503)));
        server().stubFor(request(cheap()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonNode body = api.message(user, "Write a short toast for my sister's wedding.").json();

        assertThat(body.get("reply").asString()).startsWith("I couldn't reach my model").contains("keep your message");
        assertThat(body.get("model").isNull()).isTrue();
        assertThat(status(body.get("messageId").asString())).isEqualTo("UNANSWERED");
        assertThat(calls()).isZero();
    }

    @Test
    void theKeyNeverReachesTheLog(CapturedOutput output) {
        server().stubFor(request(smart()).willReturn(error(401)));
        server().stubFor(request(cheap()).willReturn(error(503)));

        api.message(user, "Plan a birthday party for Ana.");

        assertThat(requestsFor(path(), smart())).isNotEmpty();
        assertThat(output.getAll()).contains("failed (HTTP 401)").doesNotContain(apiKey(), SqliteApp.API_TOKEN);
    }

    protected String status(String messageId) {
        return jdbc.sql("SELECT status FROM messages WHERE id = ?").param(messageId).query(String.class).single();
    }

    protected long calls() {
        return jdbc.sql("SELECT COUNT(*) FROM model_calls WHERE user_id = ?").param(user).query(Long.class).single();
    }
}
