package dev.mnemo.llm;

import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.mnemo.routing.Route;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Anthropic prompt caching on the wire, and cache reads and writes in the ledger at their prices. */
@FakeAnthropicApp
class PromptCachingTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "caching-" + UUID.randomUUID();
    }

    @Test
    void theStablePrefixIsMarkedAndTheLedgerShowsWhatCachingSaved() {
        // Two complex messages a moment apart: a hot thread on the smart model, worth caching.
        server().stubFor(anthropic(SMART).withRequestBody(WireMock.containing("first question"))
                .willReturn(anthropicReply(SMART, "first answer", 300, 20, 0, 2000)));
        api.message(user, "help me plan my week, first question");
        server().stubFor(anthropic(SMART).withRequestBody(WireMock.containing("second question"))
                .willReturn(anthropicReply(SMART, "second answer", 300, 20, 2000, 100)));
        api.message(user, "now compare both plans, second question");

        JsonNode second = JSON.readTree(requestsFor(ANTHROPIC_PATH, SMART).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains("second question")).findFirst().orElseThrow());
        // The system prompt (stable) and the last earlier turn end in breakpoints; the new message, which carries
        // the time and recalled memories, comes after them and is not marked.
        JsonNode system = second.get("system");
        assertThat(system.get(system.size() - 1).get("cache_control").get("type").asString()).isEqualTo("ephemeral");
        assertThat(system.toString()).doesNotContain("first question").doesNotContain("[Context note");
        JsonNode messages = second.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(lastBlock(messages.get(1)).get("cache_control").get("type").asString()).isEqualTo("ephemeral");
        assertThat(lastBlock(messages.get(2)).has("cache_control")).isFalse();
        assertThat(lastBlock(messages.get(2)).get("text").asString()).contains("[Context note from Mnemo]");

        JsonNode costs = api.get("/api/v1/costs?userId=" + user).json();
        // Sonnet: writes 2,100 x $0.75/M extra; reads 2,000 x $2.70/M saved.
        assertThat(costs.get("cacheSavingsUsd").decimalValue()).isEqualByComparingTo("0.003825");
        JsonNode line = costs.get("byRoute").get(0);
        assertThat(line.get("key").asString()).isEqualTo(Route.COMPLEX.name());
        assertThat(line.get("cacheReadTokens").asLong()).isEqualTo(2000);
        assertThat(line.get("cacheWriteTokens").asLong()).isEqualTo(2100);
        // 600 in x $3 + 40 out x $15 + 2,000 read x $0.30 + 2,100 written x $3.75, per million tokens
        assertThat(costs.get("totalUsd").decimalValue()).isEqualByComparingTo("0.010875");
    }

    private static JsonNode lastBlock(JsonNode message) {
        JsonNode content = message.get("content");
        return content.isArray() ? content.get(content.size() - 1) : content;
    }

    @Test
    void turnsAreMarkedOnlyInAHotThreadWithCachingOnForAnthropic() {
        List<ChatTurn> turns = List.of(ChatTurn.user("a"), ChatTurn.assistant("b"), ChatTurn.user("c"));
        ModelRequest request = new ModelRequest("u", null, "SIMPLE", ModelTier.CHEAP, "system", turns, List.of(),
                List.of(), null, true);
        assertThat(attributes(ChatRequests.of(request, Provider.ANTHROPIC, true))).containsExactly(Map.of(),
                Map.of("cache_control", "ephemeral"), Map.of());
        ModelRequest coldThread = new ModelRequest("u", null, "SIMPLE", ModelTier.CHEAP, "system", turns);
        assertThat(attributes(ChatRequests.of(coldThread, Provider.ANTHROPIC, true))).containsOnly(Map.of());
        assertThat(attributes(ChatRequests.of(request, Provider.ANTHROPIC, false))).containsOnly(Map.of());
        assertThat(attributes(ChatRequests.of(request, Provider.OPENAI, true))).containsOnly(Map.of());
    }

    private static List<Map<String, Object>> attributes(ChatRequest request) {
        return request.messages().stream().skip(1) // the system message
                .map(m -> m instanceof UserMessage u ? u.attributes()
                        : ((AiMessage) m).attributes())
                .toList();
    }
}
