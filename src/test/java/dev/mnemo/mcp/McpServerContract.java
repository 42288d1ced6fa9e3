package dev.mnemo.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.security.PersonTokens;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server driven by a client nobody here wrote — the MCP Java SDK's own, over HTTP — on each database:
 * initialize, list the tools, call every one; a missing or wrong token refused with 401; another person's memory
 * unreachable; the admin token naming its user; every call recorded.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class McpServerContract {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> TOOLS = List.of("search_memories", "remember", "list_memories", "get_memory",
            "memory_history", "edit_memory", "forget", "list_reminders", "set_reminder");

    @LocalServerPort
    int port;
    @Autowired
    PersonTokens tokens;
    @Autowired
    MemoryIntake intake;
    @Autowired
    MemoryRecall recall;
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemoryControl control;

    String user;
    McpSyncClient client;

    @BeforeEach
    void connect() {
        user = "mcp-" + UUID.randomUUID().toString().substring(0, 8);
        client = client(tokens.create(user, "claude-desktop").secret());
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp");
        if (token != null) {
            transport.httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token));
        }
        return McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("mnemo-test", "1")).build();
    }

    JsonNode call(McpSyncClient with, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = with.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        String text = ((McpSchema.TextContent) result.content().getFirst()).text();
        assertThat(result.isError()).as(tool + ": " + text).isNotEqualTo(Boolean.TRUE);
        return JSON.readTree(text);
    }

    String error(McpSyncClient with, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = with.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        assertThat(result.isError()).as(tool).isTrue();
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Test
    void theToolsAreListedWithSchemasAndDescriptions() {
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("mnemo");
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).hasSizeGreaterThan(30);
            assertThat(tool.inputSchema()).containsEntry("type", "object");
        });
        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri).containsExactly("mnemo://memories/recent");
    }

    @Test
    void everyToolWorksOnThePersonsOwnMemoriesAndReminders() {
        client.initialize();
        JsonNode added = call(client, "remember", Map.of("text", "My sister Ana lives in Porto.", "saidAt", "2026-11-01T10:00:00Z"));
        assertThat(added.get("action").asString()).isEqualTo("ADDED");
        String id = added.get("memory").get("id").asString();
        assertThat(added.get("memory").get("saidAt").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(recall.list(user, 10)).extracting(Memory::id).containsExactly(id);

        JsonNode found = call(client, "search_memories", Map.of("query", "where does my sister live"));
        assertThat(found.get("memories").get(0).get("id").asString()).isEqualTo(id);
        assertThat(found.get("memories").get(0).get("saidAt").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(call(client, "list_memories", Map.of("sort", "newest", "limit", 5)).get("memories").get(0).get("text").asString())
                .isEqualTo("My sister Ana lives in Porto.");
        assertThat(call(client, "get_memory", Map.of("id", id)).get("memory").get("text").asString()).contains("Porto");

        JsonNode edited = call(client, "edit_memory", Map.of("id", id, "text", "My sister Ana lives in Lisbon.", "importance", 8,
                "tags", List.of("Ana", "family")));
        assertThat(edited.get("text").asString()).isEqualTo("My sister Ana lives in Lisbon.");
        assertThat(edited.get("tags").toString()).isEqualTo("[\"ana\",\"family\"]");
        JsonNode history = call(client, "memory_history", Map.of("id", id));
        assertThat(history.get("versions").get(0).get("text").asString()).isEqualTo("My sister Ana lives in Porto.");
        assertThat(history.get("versions").get(0).get("reason").asString()).isEqualTo("edited");
        assertThat(history.get("versions").get(0).get("kind").asString()).isEqualTo(added.get("memory").get("kind").asString());
        assertThat(history.get("versions").get(0).has("validTo")).isTrue();

        JsonNode listed = call(client, "forget", Map.of("query", "Lisbon"));
        assertThat(listed.get("memories").get(0).get("id").asString()).isEqualTo(id);
        assertThat(recall.list(user, 10)).hasSize(1);
        assertThat(call(client, "forget", Map.of("confirmationId", listed.get("confirmationId").asString())).get("deleted").asInt())
                .isEqualTo(1);
        assertThat(recall.list(user, 10)).isEmpty();
        assertThat(error(client, "forget", Map.of("confirmationId", listed.get("confirmationId").asString()))).contains("unknown or expired");

        JsonNode reminder = call(client, "set_reminder", Map.of("text", "call mum", "at", "2026-12-24T18:00", "repeat", "weekly"));
        assertThat(reminder.get("recurrence").asString()).isEqualTo("weekly");
        assertThat(reminders.pending(user)).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("call mum"));
        assertThat(call(client, "list_reminders", Map.of()).get("reminders").get(0).get("text").asString()).isEqualTo("call mum");

        assertThat(jdbc.sql("SELECT tool FROM mcp_tool_calls WHERE user_id = ? ORDER BY id").param(user).query(String.class).list())
                .contains("remember", "search_memories", "edit_memory", "forget", "set_reminder", "list_reminders");
    }

    @Test
    void badArgumentsAreErrorResultsSayingWhyAndChangeNothing() {
        client.initialize();
        assertThat(error(client, "remember", Map.of("text", "x", "saidAt", "yesterday"))).contains("saidAt");
        assertThat(error(client, "remember", Map.of("text", "x", "saidAt", "2999-01-01T00:00:00Z"))).contains("future");
        assertThat(error(client, "get_memory", Map.of("id", UUID.randomUUID().toString()))).contains("no such memory");
        assertThat(error(client, "edit_memory", Map.of("id", UUID.randomUUID().toString()))).contains("say what to change");
        assertThat(error(client, "set_reminder", Map.of("text", "x", "at", "soon"))).contains("ISO-8601");
        assertThat(error(client, "set_reminder", Map.of("text", "x", "at", "2020-01-01T10:00"))).isNotBlank();
        assertThat(error(client, "list_memories", Map.of("limit", 1000))).contains("limit must be 1 to 100");
        assertThat(error(client, "list_memories", Map.of("limit", new BigInteger("18446744073709551621")))).contains("limit");
        assertThat(error(client, "list_memories", Map.of("sort", "sideways"))).contains("sort is one of");
        assertThat(error(client, "list_memories", Map.of("pruned", "yes"))).contains("true or false");
        assertThat(error(client, "remember", Map.of())).contains("text is required");
        assertThat(error(client, "forget", Map.of())).contains("either a query");
        assertThat(recall.list(user, 10)).isEmpty();
        assertThat(reminders.pending(user)).isEmpty();
        // Every refusal is one of the recorded calls.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mcp_tool_calls WHERE user_id = ? AND outcome = 'REFUSED'").param(user)
                .query(Long.class).single()).isEqualTo(12);
    }

    @Test
    void aForgetListingIsThisServersOwnConfirmedOnlyByItsPersonAndNeverTheChatsPendingForget() {
        client.initialize();
        String id = call(client, "remember", Map.of("text", "My old flat was in Alfama.")).get("memory").get("id").asString();
        String confirmation = call(client, "forget", Map.of("query", "Alfama")).get("confirmationId").asString();
        // The chat's /forget yes has nothing pending from this.
        assertThat(control.confirmForget(user)).isZero();
        McpSyncClient other = client(tokens.create("other-" + UUID.randomUUID().toString().substring(0, 8), "x").secret());
        try {
            other.initialize();
            assertThat(error(other, "forget", Map.of("confirmationId", confirmation))).contains("unknown or expired");
        } finally {
            other.closeGracefully();
        }
        assertThat(recall.list(user, 10)).extracting(Memory::id).containsExactly(id);
        // Changed since it was listed: kept.
        call(client, "edit_memory", Map.of("id", id, "importance", 9));
        JsonNode forgotten = call(client, "forget", Map.of("confirmationId", confirmation));
        assertThat(forgotten.get("deleted").asInt()).isZero();
        assertThat(forgotten.get("keptBecauseChanged").asInt()).isEqualTo(1);
        assertThat(recall.list(user, 10)).extracting(Memory::id).containsExactly(id);
    }

    @Test
    void theRecentMemoriesResourceIsThePersonsOwnAndNothingOfAToolCallReachesTheLog(CapturedOutput output) {
        client.initialize();
        call(client, "remember", Map.of("text", "My favourite tea is lapsang souchong."));
        intake.remember("someone-else-" + UUID.randomUUID(), "Someone else likes oolong.", null);
        McpSchema.ReadResourceResult read = client.readResource(McpSchema.ReadResourceRequest.builder("mnemo://memories/recent").build());
        String text = ((McpSchema.TextResourceContents) read.contents().getFirst()).text();
        assertThat(text).contains("lapsang souchong").doesNotContain("oolong");
        call(client, "search_memories", Map.of("query", "which tea do I like"));
        assertThat(output.getAll()).contains("MCP tool search_memories for user " + user + ": OK")
                .doesNotContain("lapsang").doesNotContain("which tea");
    }

    @Test
    void aMalformedCallIsAJsonRpcErrorNeverA500AndNothingOfItIsLogged(CapturedOutput output) {
        String token = tokens.create(user, "raw").secret();
        Api raw = new Api(port, token);
        for (String body : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"remember\",\"arguments\":\"I have a secret illness\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"params\":{\"name\":\"remember\",\"arguments\":{\"text\":\"a secret illness\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list_reminders\",\"arguments\":{},\"_meta\":5}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{\"uri\":\"mnemo://memories/recent\",\"_meta\":[]}}",
                "{\"jsonrpc\":[\"2.0\"],\"id\":8,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":5}",
                "[{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/list\"}]",
                "not json at all: a secret illness")) {
            Api.Response response = raw.send(raw.authorizedRequest("/mcp").header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.status()).as(body).isIn(200, 400);
            assertThat(response.body()).as(body).contains("\"error\"").doesNotContain("secret illness");
        }
        assertThat(output.getAll()).doesNotContain("secret illness");
        assertThat(recall.list(user, 10)).isEmpty();
        // Refused by the SDK itself (it wants both kinds in Accept): the JSON-RPC error, never the exception's trace.
        Api.Response accept = raw.send(raw.authorizedRequest("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}")));
        assertThat(accept.status()).isBetween(400, 499);
        assertThat(accept.body()).contains("\"error\"", "text/event-stream").doesNotContain("stackTrace", "className");
    }

    @Test
    void anotherPersonsMemoryIsUnreachableAndTheAdminTokenMustNameTheUser() {
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        Memory theirs = intake.remember(other, "The other person's secret is 42.", null).memory();
        client.initialize();
        assertThat(error(client, "get_memory", Map.of("id", theirs.id()))).contains("no such memory");
        assertThat(error(client, "memory_history", Map.of("id", theirs.id()))).contains("no such memory");
        assertThat(error(client, "edit_memory", Map.of("id", theirs.id(), "text", "mine now"))).contains("no such");
        assertThat(error(client, "get_memory", Map.of("id", theirs.id(), "userId", other))).contains("another user");
        assertThat(call(client, "search_memories", Map.of("query", "secret 42")).get("memories")).isEmpty();
        assertThat(call(client, "forget", Map.of("query", theirs.id())).get("memories")).isEmpty();
        assertThat(recall.list(other, 10)).extracting(Memory::text).containsExactly("The other person's secret is 42.");

        McpSyncClient admin = client(SqliteApp.API_TOKEN);
        try {
            admin.initialize();
            assertThat(error(admin, "list_memories", Map.of())).contains("userId is required");
            assertThat(call(admin, "get_memory", Map.of("id", theirs.id(), "userId", other)).get("memory").get("text").asString())
                    .contains("secret is 42");
        } finally {
            admin.closeGracefully();
        }
    }

    @Test
    void noTokenOrAWrongOneIsRefusedWith401() {
        Api anonymous = new Api(port, "");
        Api.Response bare = anonymous.send(anonymous.request("/mcp").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(bare.status()).isEqualTo(401);
        for (String token : new String[] {null, "mnemo_not-a-real-token", "wrong"}) {
            McpSyncClient stranger = client(token);
            try {
                assertThatThrownBy(stranger::initialize).hasRootCauseInstanceOf(McpHttpClientTransportAuthorizationException.class);
            } finally {
                stranger.closeGracefully();
            }
        }
        String revoked = tokens.create(user, "old laptop").secret();
        tokens.revoke(user, tokens.active(user).getLast().id());
        McpSyncClient old = client(revoked);
        try {
            assertThatThrownBy(old::initialize).hasRootCauseInstanceOf(McpHttpClientTransportAuthorizationException.class);
        } finally {
            old.closeGracefully();
        }
    }
}
