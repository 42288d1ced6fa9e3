package dev.mnemo.llm;

import static dev.mnemo.testing.FakeModelServer.OPENAI_PATH;
import static dev.mnemo.testing.FakeModelServer.openAi;
import static dev.mnemo.testing.FakeModelServer.openAiReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static dev.mnemo.testing.FakeOpenAiApp.CHEAP;
import static dev.mnemo.testing.FakeOpenAiApp.SMART;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeOpenAiApp;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The loop against a fake OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, llama.cpp, vLLM). */
@FakeOpenAiApp
@ExtendWith(OutputCaptureExtension.class)
class OpenAiConversationTest {
    @LocalServerPort
    int port;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "openai-" + UUID.randomUUID();
    }

    @Test
    void repliesOverTheChatCompletionsWireFormatPricingCachedPromptTokensApart() {
        server().stubFor(openAi(CHEAP).willReturn(openAiReply(CHEAP, "Hello from the fake.", 10_000, 1_000, 4_000)));

        JsonNode body = api.message(user, "hi there").json();

        assertThat(body.get("reply").asString()).isEqualTo("Hello from the fake.");
        assertThat(body.get("model").asString()).isEqualTo(CHEAP);
        // 6,000 uncached x $0.15 + 4,000 cached x $0.015 + 1,000 out x $0.60, per million tokens
        assertThat(body.get("costUsd").decimalValue()).isEqualByComparingTo("0.00156");
        LoggedRequest sent = requestsFor(OPENAI_PATH, CHEAP).getFirst();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + FakeModelServer.OPENAI_KEY);
        JsonNode request = JsonMapper.builder().build().readTree(sent.getBodyAsString());
        assertThat(request.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(request.get("messages").get(1).get("content").asString()).contains("[Context note from Mnemo]").endsWith("hi there");
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
}
