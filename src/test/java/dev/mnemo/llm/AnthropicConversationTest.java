package dev.mnemo.llm;

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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.TestClockConfiguration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The chat-provider contract on Anthropic's Messages API, and what only Anthropic does: 529, retry-after, prompt-cache prices. */
@FakeAnthropicApp
class AnthropicConversationTest extends ChatProviderContract {

    AnthropicConversationTest() {
        super(ANTHROPIC_PATH, CHEAP, SMART);
    }

    @Test
    void aSimpleMessageGoesToTheCheapModelWithTheSimpleAgentsCapAndIsCostedByModelAndRoute() {
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
    void pastTheBudgetEvenComplexMessagesGoToTheCheapModel() {
        jdbc.sql("""
                INSERT INTO model_calls (id, user_id, purpose, provider, model, input_tokens, output_tokens,
                    cache_read_tokens, cache_write_tokens, cost_nanos, latency_ms, created_at)
                VALUES (?, ?, 'COMPLEX', 'anthropic', ?, 0, 0, 0, 0, 2500000000, 1, ?)""")
                .params(UUID.randomUUID().toString(), user, SMART, TestClockConfiguration.START.toEpochMilli())
                .update();
        server().stubFor(anthropic(SMART).willReturn(anthropicReply(SMART, "expensive", 10, 10, 0, 0)));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "cheap", 10, 10, 0, 0)));

        JsonNode body = api.message(user, "Compare these two mortgage offers for me.").json();

        assertThat(body.get("route").asString()).isEqualTo("COMPLEX");
        assertThat(body.get("model").asString()).isEqualTo(CHEAP);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).isEmpty();
        assertThat(api.message(user, "/cost").json().get("reply").asString()).contains("$2.50 of your $2.00 budget");
    }

    @Override
    protected MappingBuilder request(String model) {
        return anthropic(model);
    }

    @Override
    protected ResponseDefinitionBuilder reply(String model, String text, int inputTokens, int outputTokens) {
        return anthropicReply(model, text, inputTokens, outputTokens, 0, 0);
    }

    @Override
    protected ResponseDefinitionBuilder error(int status) {
        return anthropicError(status, switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        });
    }

    @Override
    protected String apiKey() {
        return FakeModelServer.ANTHROPIC_KEY;
    }

    @Override
    protected String keyHeaderOf(LoggedRequest request) {
        return request.getHeader("x-api-key");
    }

    @Override
    protected List<String> turns(JsonNode request) {
        List<String> turns = new ArrayList<>();
        for (JsonNode message : request.get("messages")) {
            JsonNode content = message.get("content");
            StringBuilder text = new StringBuilder();
            if (content.isString()) {
                text.append(content.asString());
            } else {
                content.forEach(block -> text.append(block.path("text").asString("")));
            }
            turns.add(message.get("role").asString() + ": " + text);
        }
        return turns;
    }

    /** $1 in and $5 out per million tokens. */
    @Override
    protected BigDecimal cheapCost(int inputTokens, int outputTokens) {
        return BigDecimal.valueOf(inputTokens).add(BigDecimal.valueOf(outputTokens * 5L)).movePointLeft(6);
    }
}
