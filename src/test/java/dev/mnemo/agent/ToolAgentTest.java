package dev.mnemo.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.anthropicToolUse;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.user.UserSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tool agent's loop against a fake Anthropic API that asks for tools the way the real one does. */
@FakeAnthropicApp
class ToolAgentTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reminders reminders;
    @Autowired
    UserSettings settings;
    @Autowired
    MemoryIntake intake;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "tools-" + UUID.randomUUID();
        settings.setTimeZone(user, SAO_PAULO); // the test clock's 10:00 UTC is 07:00 there
    }

    @Test
    void remindMeToCallMomTomorrowAt6pmCreatesTheReminderThroughTheToolLoop() throws Exception {
        server().stubFor(anthropic(CHEAP).withRequestBody(notContaining("tool_result"))
                .willReturn(anthropicToolUse(CHEAP, "toolu_01", "set_reminder",
                        Map.of("text", "call mom", "when", "2026-11-16T18:00"), 1500, 60)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("tool_result"))
                .willReturn(anthropicReply(CHEAP, "Done: I'll remind you to call mom tomorrow at 18:00.", 1600, 20, 0, 0)));

        JsonNode reply = api.message(user, "remind me to call mom tomorrow at 6pm").json();

        assertThat(reply.get("route").asString()).isEqualTo("TOOL");
        assertThat(reply.get("reply").asString()).isEqualTo("Done: I'll remind you to call mom tomorrow at 18:00.");
        List<Reminder> pending = reminders.pending(user);
        assertThat(pending).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("call mom");
            assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-11-16T21:00:00Z")); // 18:00 in São Paulo (UTC-3)
            assertThat(r.timeZone()).isEqualTo(SAO_PAULO);
            assertThat(r.recurrence()).isEqualTo(Recurrence.NONE);
        });

        List<JsonNode> sent = requestsFor(ANTHROPIC_PATH, CHEAP).stream().map(r -> JSON.readTree(r.getBodyAsString())).toList();
        assertThat(sent).hasSize(2);
        JsonNode first = sent.stream().filter(r -> !r.toString().contains("tool_result")).findFirst().orElseThrow();
        JsonNode second = sent.stream().filter(r -> r.toString().contains("tool_result")).findFirst().orElseThrow();
        assertThat(first.get("tools")).extracting(t -> t.get("name").asString())
                .contains("set_reminder", "list_reminders", "cancel_reminder", "move_reminder", "current_time",
                        "search_memory", "remember", "forget");
        assertThat(first.get("tools").get(first.get("tools").size() - 1).has("cache_control")).isTrue();
        assertThat(first.get("messages").toString()).contains("Sunday 15 November 2026, 07:00 (America/Sao_Paulo)");
        JsonNode toolResult = second.get("messages").get(second.get("messages").size() - 1).get("content").get(0);
        assertThat(toolResult.get("type").asString()).isEqualTo("tool_result");
        assertThat(toolResult.get("tool_use_id").asString()).isEqualTo("toolu_01");
        assertThat(toolResult.toString()).contains("Reminder set: 'call mom' on Monday 16 November 2026, 18:00 (America/Sao_Paulo)");

        String messageId = reply.get("messageId").asString();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM model_calls WHERE message_id = ? AND purpose = 'TOOL'")
                .param(messageId).query(Long.class).single()).isEqualTo(2);
        // Both rounds: (1500 + 1600) x $1/M + (60 + 20) x $5/M
        assertThat(reply.get("costUsd").decimalValue()).isEqualByComparingTo("0.0035");

        assertThat(api.message(user, "/reminders").json().get("reply").asString())
                .isEqualTo("Pending reminders:\n- call mom: Mon 16 Nov 2026, 18:00");
    }

    @Test
    void thePersonSetsTheirTimeZoneWithACommand() {
        assertThat(api.message(user, "/timezone Europe/Lisbon").json().get("reply").asString())
                .isEqualTo("Your time zone is now Europe/Lisbon: it's Sun 15 Nov 2026, 10:00 there.");
        assertThat(settings.timeZone(user)).isEqualTo(ZoneId.of("Europe/Lisbon"));

        assertThat(api.message(user, "/timezone Mars/Olympus").json().get("reply").asString()).contains("I don't know the time zone");
        assertThat(settings.timeZone(user)).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void aBadArgumentGoesBackToTheModelAsAnErrorAndNothingIsStored() {
        server().stubFor(anthropic(CHEAP).withRequestBody(notContaining("tool_result"))
                .willReturn(anthropicToolUse(CHEAP, "toolu_02", "set_reminder",
                        Map.of("text", "call mom", "when", "yesterday-ish"), 1500, 60)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("tool_result"))
                .willReturn(anthropicReply(CHEAP, "Sorry, when exactly?", 1600, 10, 0, 0)));

        JsonNode reply = api.message(user, "remind me to call mom at some point").json();

        assertThat(reply.get("reply").asString()).isEqualTo("Sorry, when exactly?");
        assertThat(reminders.pending(user)).isEmpty();
        JsonNode second = requestsFor(ANTHROPIC_PATH, CHEAP).stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(body -> body.toString().contains("tool_result")).findFirst().orElseThrow();
        JsonNode result = second.get("messages").get(second.get("messages").size() - 1).get("content").get(0);
        assertThat(result.get("is_error").asBoolean()).isTrue();
        assertThat(result.toString()).contains("is not a local date and time");
    }

    @Test
    void forgettingShowsThePersonExactlyWhatAForgetYesWouldDelete() {
        intake.remember(user, "My old gym schedule is Monday and Thursday at 7", null);
        server().stubFor(anthropic(CHEAP).withRequestBody(notContaining("tool_result"))
                .willReturn(anthropicToolUse(CHEAP, "toolu_04", "forget", Map.of("query", "gym schedule"), 1500, 40)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("tool_result"))
                .willReturn(anthropicReply(CHEAP, "Found it; confirm and it's gone.", 1600, 10, 0, 0)));

        String reply = api.message(user, "forget my old gym schedule").json().get("reply").asString();

        assertThat(reply).startsWith("Found it; confirm and it's gone.\n\nReply /forget yes within 10 minutes to delete these for good:\n- ")
                .contains("gym schedule is Monday and Thursday at 7");
        assertThat(api.message(user, "/forget yes").json().get("reply").asString()).startsWith("Forgotten: 1 memory");
    }

    @Test
    void theLoopStopsAtTheStepLimitAndSaysWhatItDid() {
        // A model that never stops asking for tools.
        server().stubFor(anthropic(CHEAP).willReturn(anthropicToolUse(CHEAP, "toolu_03", "list_reminders", Map.of(), 100, 10)));

        JsonNode reply = api.message(user, "remind me of my reminders please").json();

        assertThat(requestsFor(ANTHROPIC_PATH, CHEAP)).hasSize(4); // assistant.agents.tool-max-steps
        // Listing changes nothing, so there is nothing to report as done.
        assertThat(reply.get("reply").asString()).isEqualTo("I couldn't get that done, sorry. Nothing was changed.");
    }
}
