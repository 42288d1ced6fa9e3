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
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Memory from a burst of messages: what the offline statements find is recallable at once, and the model reads the
 * whole burst in one call once the person has paused, importance included (no judge call).
 */
@FakeAnthropicApp
@TestPropertySource(properties = "assistant.memory.burst-pause=2m")
class BurstExtractionTest {
    @LocalServerPort
    int port;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    MemoryRecall recall;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    Instant start;
    String user;
    Api api;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        // Exchanges other test classes left in this data directory are not this test's burst.
        jdbc.sql("DELETE FROM memory_jobs").update();
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "burst-" + UUID.randomUUID();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("You are Mnemo"))
                .willReturn(anthropicReply(CHEAP, "Noted!", 100, 10, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("memory extractor"))
                .willReturn(anthropicReply(CHEAP, """
                        {"memories": [
                          {"text": "The user's sister Ana lives in Porto.", "kind": "person", "tags": ["ana"], "importance": 8, "exchange": 1},
                          {"text": "The user is allergic to peanuts.", "kind": "fact", "tags": ["health"], "importance": 9, "exchange": 2}]}""",
                        400, 60, 0, 0)));
    }

    @AfterEach
    void restoreClock() {
        clock.set(start);
    }

    @Test
    void statementsAreRecallableAtOnceAndTheModelReadsTheBurstInOneCallAfterThePause() {
        api.message(user, "My sister Ana lives in Porto.");
        worker.drain();
        assertThat(recall.list(user, 10)).extracting(Memory::text).containsExactly("My sister Ana lives in Porto.");

        clock.advance(Duration.ofMinutes(1));
        api.message(user, "I'm allergic to peanuts.");
        worker.drain();
        clock.advance(Duration.ofMinutes(1)); // two minutes after the first message, one after the last
        worker.drain();
        assertThat(extractions()).as("the person has not paused yet").isEmpty();
        assertThat(recall.list(user, 10)).hasSize(2);

        clock.advance(Duration.ofMinutes(2));
        worker.drain();

        List<LoggedRequest> calls = extractions();
        assertThat(calls).singleElement().satisfies(call -> assertThat(call.getBodyAsString())
                .contains("Exchange 1. The person said:\\nMy sister Ana lives in Porto.")
                .contains("Exchange 2. The person said:\\nI'm allergic to peanuts."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM model_calls WHERE user_id = ? AND purpose = 'JUDGE'").param(user)
                .query(Long.class).single()).isZero();
        List<Memory> memories = recall.list(user, 10);
        assertThat(memories).as("the model's reading merged into what the statements stored").hasSize(2);
        assertThat(memories).anySatisfy(m -> {
            assertThat(m.text()).containsIgnoringCase("peanuts");
            assertThat(m.importance()).isGreaterThanOrEqualTo(9);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memory_jobs WHERE user_id = ?").param(user).query(Long.class).single()).isZero();
    }

    @Test
    void withoutTheModelsReadingTheStatementsStand() {
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("memory extractor"))
                .willReturn(anthropicReply(CHEAP, "Sure! Here are the memories.", 100, 10, 0, 0)));

        api.message(user, "I live in Braga.");
        worker.drain();
        clock.advance(Duration.ofMinutes(3));
        worker.drain();

        assertThat(extractions()).hasSize(1);
        assertThat(recall.list(user, 10)).extracting(Memory::text).containsExactly("I live in Braga.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memory_jobs WHERE user_id = ?").param(user).query(Long.class).single()).isZero();
    }

    private List<LoggedRequest> extractions() {
        return server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ANTHROPIC_PATH))
                .withRequestBody(containing("memory extractor")));
    }
}
