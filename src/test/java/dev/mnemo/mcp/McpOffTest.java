package dev.mnemo.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Without {@code ASSISTANT_MCP_ENABLED=true} nothing serves MCP (its servlet and filter are not registered):
 * {@code /mcp} is a 404, and still needs a token.
 */
@SqliteApp
@TestPropertySource(properties = "assistant.mcp.enabled=false")
class McpOffTest {
    @LocalServerPort
    int port;

    @Test
    void mcpIsOffUntilTurnedOn() {
        Api admin = new Api(port, SqliteApp.API_TOKEN);
        HttpRequest.Builder initialize = admin.authorizedRequest("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}"));
        assertThat(admin.send(initialize).status()).isEqualTo(404);
        Api anonymous = new Api(port, "");
        assertThat(anonymous.send(anonymous.request("/mcp").POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(401);
    }
}
