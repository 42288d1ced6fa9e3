package dev.mnemo.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** When the local rules are unsure, the cheap model classifies, once per (normalised) text. */
@FakeAnthropicApp
class ModelRoutingTest {
    /** Long, no signal: the rules guess COMPLEX but are unsure. */
    private static final String UNSURE = "so yesterday at the market i saw this huge pumpkin, bigger than the ones from "
            + "last year, and the farmer said it weighed almost forty kilos, is that normal";

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
        user = "routing-" + UUID.randomUUID();
    }

    @Test
    void theCheapModelDecidesWhatTheRulesCannotAndItsAnswerIsCached() {
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("Classify a message"))
                .willReturn(anthropicReply(CHEAP, "**Simple**", 150, 2, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(notContaining("Classify a message"))
                .willReturn(anthropicReply(CHEAP, "Forty kilos is big but not unheard of!", 400, 15, 0, 0)));

        JsonNode first = api.message(user, UNSURE).json();
        JsonNode again = api.message(user, "  " + UNSURE.toUpperCase() + "?? ").json();

        assertThat(first.get("route").asString()).isEqualTo("SIMPLE");
        assertThat(again.get("route").asString()).isEqualTo("SIMPLE");
        assertThat(reason(first)).startsWith("model; rules unsure: longer message without a signal");
        assertThat(reason(again)).startsWith("model (cached)");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM model_calls WHERE user_id = ? AND purpose = 'ROUTER'")
                .param(user).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNoRouteLeavesTheRulesGuess() {
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("Classify a message"))
                .willReturn(anthropicReply(CHEAP, "I think this is about pumpkins.", 150, 9, 0, 0)));
        server().stubFor(anthropic(FakeAnthropicApp.SMART)
                .willReturn(anthropicReply(FakeAnthropicApp.SMART, "Forty kilos is big.", 400, 15, 0, 0)));

        JsonNode reply = api.message(user, UNSURE + " at all").json();

        assertThat(reply.get("route").asString()).isEqualTo("COMPLEX");
        assertThat(reason(reply)).isEqualTo("longer message without a signal (rules unsure, model gave no route)");
    }

    private String reason(JsonNode reply) {
        return jdbc.sql("SELECT route_reason FROM messages WHERE id = ?").param(reply.get("messageId").asString())
                .query(String.class).single();
    }
}
