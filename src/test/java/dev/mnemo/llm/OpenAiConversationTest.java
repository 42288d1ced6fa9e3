package dev.mnemo.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.mnemo.testing.FakeModelServer.OPENAI_PATH;
import static dev.mnemo.testing.FakeModelServer.openAi;
import static dev.mnemo.testing.FakeModelServer.openAiReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static dev.mnemo.testing.FakeOpenAiApp.CHEAP;
import static dev.mnemo.testing.FakeOpenAiApp.SMART;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeOpenAiApp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/**
 * The chat-provider contract on an OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, llama.cpp,
 * vLLM), and what only it does: cached prompt tokens priced apart, a model missing from the price table.
 */
@FakeOpenAiApp
class OpenAiConversationTest extends ChatProviderContract {

    OpenAiConversationTest() {
        super(OPENAI_PATH, CHEAP, SMART);
    }

    @Test
    void cachedPromptTokensArePricedApartAndTheSystemPromptLeads() {
        server().stubFor(openAi(CHEAP).willReturn(openAiReply(CHEAP, "Hello from the fake.", 10_000, 1_000, 4_000)));

        JsonNode body = api.message(user, "hi there").json();

        // 6,000 uncached x $0.15 + 4,000 cached x $0.015 + 1,000 out x $0.60, per million tokens
        assertThat(body.get("costUsd").decimalValue()).isEqualByComparingTo("0.00156");
        JsonNode request = JSON.readTree(requestsFor(OPENAI_PATH, CHEAP).getFirst().getBodyAsString());
        assertThat(request.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(request.get("messages").get(1).get("content").asString()).contains("[Context note from Mnemo]");
    }

    @Test
    void aModelMissingFromThePriceTableIsReportedAsUnknownCost(CapturedOutput output) {
        server().stubFor(openAi(SMART).willReturn(openAiReply(SMART, "A plan.", 500, 500, 0)));

        JsonNode body = api.message(user, "Help me plan a three-day trip to Kyoto.").json();

        assertThat(body.get("model").asString()).isEqualTo(SMART);
        assertThat(body.get("costUsd").isNull()).isTrue();
        JsonNode costs = api.get("/api/v1/costs?userId=" + user).json();
        assertThat(costs.get("unpricedCalls").asLong()).isEqualTo(1);
        assertThat(costs.get("totalUsd").decimalValue()).isZero();
        assertThat(output.getAll()).contains("Model '" + SMART + "' has no price")
                .doesNotContain(FakeModelServer.OPENAI_KEY);
    }

    @Override
    protected MappingBuilder request(String model) {
        return openAi(model);
    }

    @Override
    protected ResponseDefinitionBuilder reply(String model, String text, int inputTokens, int outputTokens) {
        return openAiReply(model, text, inputTokens, outputTokens, 0);
    }

    @Override
    protected ResponseDefinitionBuilder error(int status) {
        String type = status == 400 ? "invalid_request_error" : status == 401 ? "invalid_api_key" : "server_error";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + type + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}");
    }

    @Override
    protected String apiKey() {
        return FakeModelServer.OPENAI_KEY;
    }

    @Override
    protected String keyHeaderOf(LoggedRequest request) {
        return request.getHeader("Authorization");
    }

    @Override
    protected List<String> turns(JsonNode request) {
        List<String> turns = new ArrayList<>();
        for (JsonNode message : request.get("messages")) {
            if (!message.get("role").asString().equals("system")) {
                turns.add(message.get("role").asString() + ": " + message.get("content").asString());
            }
        }
        return turns;
    }

    /** $0.15 in and $0.60 out per million tokens. */
    @Override
    protected BigDecimal cheapCost(int inputTokens, int outputTokens) {
        return BigDecimal.valueOf(inputTokens * 15L + outputTokens * 60L).movePointLeft(8);
    }
}
