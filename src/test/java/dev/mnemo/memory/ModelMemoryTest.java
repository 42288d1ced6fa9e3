package dev.mnemo.memory;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.sleep.SleepScheduler;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.mnemo.testing.SqliteApp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Memory with a model (a fake Anthropic on loopback): extraction, judging, reconciling, recall into prompts. */
@FakeAnthropicApp
class ModelMemoryTest {
    private static final String SISTER = "The user's sister is called Ana; she is a nurse.";

    @LocalServerPort
    int port;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    MemoryRecall recall;
    @Autowired
    MemoryControl control;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MemoryChanges changes;
    @Autowired
    Embedder embedder;
    @Autowired
    SleepScheduler sleep;
    @Autowired
    MutableClock clock;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "model-mem-" + UUID.randomUUID();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("You are Mnemo"))
                .willReturn(anthropicReply(CHEAP, "Noted!", 100, 10, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("memory extractor"))
                .willReturn(anthropicReply(CHEAP, """
                        Here you go: {"memories": [{"text": "%s", "kind": "person", "tags": ["Ana", "family"], "correction": false, "importance": 8}]}"""
                        .formatted(SISTER), 300, 40, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("importance judge"))
                .willReturn(anthropicReply(CHEAP, "{\"scores\": [8]}", 120, 5, 0, 0)));
        worker.drain(); // exchanges other tests of this context left in the queue
    }

    @Test
    void whatThePersonSaysIsExtractedScoredAndRecalledInALaterPrompt() {
        api.message(user, "My sister Ana is a nurse, she works nights.");
        assertThat(worker.drain()).isEqualTo(1);

        Memory memory = recall.list(user, 10).getFirst();
        assertThat(memory.text()).isEqualTo(SISTER);
        assertThat(memory.kind()).isEqualTo(MemoryKind.PERSON);
        assertThat(memory.importance()).isEqualTo(8);
        assertThat(memory.tags()).containsExactly("ana", "family");

        api.message(user, "Any gift ideas for my sister's birthday?");
        List<LoggedRequest> replies = server().findAll(WireMock
                .postRequestedFor(WireMock.urlEqualTo(ANTHROPIC_PATH))
                .withRequestBody(containing("You are Mnemo")));
        assertThat(replies.getLast().getBodyAsString()).contains(SISTER + " (said today)");
        assertThat(replies.getFirst().getBodyAsString()).doesNotContain(SISTER);
        assertThat(control.get(user, memory.id()).orElseThrow().accessCount()).isEqualTo(1);

        JsonNode byRoute = api.get("/api/v1/costs?userId=" + user).json().get("byRoute");
        assertThat(byRoute.findValues("key")).extracting(JsonNode::asString).contains("MEMORY_EXTRACT", "SIMPLE")
                .as("the extraction scores importance itself").doesNotContain("JUDGE");
    }

    @Test
    void theModelDecidesWhetherAMiddlingMatchIsTheSameMemory() {
        api.message(user, "My sister Ana is a nurse, she works nights.");
        worker.drain();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("memory extractor"))
                .willReturn(anthropicReply(CHEAP, "{\"memories\": [{\"text\": \"Ana, the user's sister, works as a night nurse at Santo António hospital.\", \"kind\": \"person\"}]}", 300, 40, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("A NEW statement"))
                .willReturn(anthropicReply(CHEAP, "{\"decision\": \"same\", \"id\": \"\", \"text\": \"The user's sister Ana is a night nurse at Santo António hospital.\"}", 200, 30, 0, 0)));

        api.message(user, "Ana works nights at Santo António, by the way.");
        worker.drain();

        List<Memory> memories = recall.list(user, 10);
        assertThat(memories).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("The user's sister Ana is a night nurse at Santo António hospital.");
            assertThat(m.sources()).hasSize(2);
            assertThat(control.history(user, m.id()).orElseThrow()).extracting(MemoryVersion::text).containsExactly(SISTER);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM model_calls WHERE user_id = ? AND purpose = 'MEMORY_RECONCILE'")
                .param(user).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sleepFoldsAClusterOfOldEpisodesIntoOneGeneralMemoryKeepingThemAsHistory() {
        long weeksAgo = clock.millis() - Duration.ofDays(21).toMillis();
        List<String> runs = List.of("I went running by the river on Monday.", "I went running by the river on Wednesday.",
                "I went for a run along the river on Friday.");
        for (int i = 0; i < runs.size(); i++) {
            StoredMemory m = new StoredMemory(UUID.randomUUID().toString(), user, runs.get(i), MemoryKind.EVENT, 4,
                    List.of(), weeksAgo, weeksAgo, null, 0, 1.0, weeksAgo, weeksAgo, MemoryStatus.ACTIVE, null);
            List<String> sources = List.of("run-" + i);
            changes.run(user, edit -> edit.add(m, sources, embedder.modelId(), embedder.embed(m.text())));
        }
        jdbc.sql("INSERT INTO memory_activity (user_id, last_active_at) VALUES (?, ?)").params(user, weeksAgo).update();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("episodic memories"))
                .willReturn(anthropicReply(CHEAP, "{\"text\": \"The user runs by the river three times a week.\"}", 150, 20, 0, 0)));

        SleepCompleted report = sleep.sleepEveryone().stream()
                .filter(r -> r.userId().equals(user)).findFirst().orElseThrow();

        assertThat(report.summarised()).isEqualTo(3);
        assertThat(recall.list(user, 10)).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("The user runs by the river three times a week.");
            assertThat(m.kind()).isEqualTo(MemoryKind.FACT);
            assertThat(m.sources()).containsExactlyInAnyOrder("run-0", "run-1", "run-2");
            assertThat(control.history(user, m.id()).orElseThrow()).extracting(MemoryVersion::text)
                    .containsExactlyInAnyOrderElementsOf(runs);
        });
    }

    @Test
    void whenTheModelFailsExtractionFallsBackToThePersonsOwnStatements() {
        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(FakeModelServer.anthropicError(529, "overloaded_error")));
        server().stubFor(anthropic(FakeAnthropicApp.SMART).willReturn(FakeModelServer.anthropicError(529, "overloaded_error")));

        double before = fallbacks("unavailable");
        api.message(user, "I live in Braga.");
        worker.drain();

        assertThat(recall.list(user, 10)).extracting(Memory::text).containsExactly("I live in Braga.");
        assertThat(fallbacks("unavailable")).isEqualTo(before + 1);
    }

    @Test
    void whenTheModelsAnswerIsNotTheJsonAskedForTheStatementsStandInAndAreCounted() {
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("The person said"))
                .willReturn(anthropicReply(CHEAP, "Sure! The user lives in Porto.", 100, 10, 0, 0)));
        double before = fallbacks("unusable");

        api.message(user, "I moved to Porto in May.");
        worker.drain();

        assertThat(recall.list(user, 10)).extracting(Memory::text).contains("I moved to Porto in May.");
        assertThat(fallbacks("unusable")).isEqualTo(before + 1);
    }

    private double fallbacks(String reason) {
        Counter counter = meters.find("mnemo.memory.extraction.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
