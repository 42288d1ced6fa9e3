package dev.mnemo.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** At 100 % of the budget the person's messages are still answered (cheap model) but background work runs offline. */
@FakeAnthropicApp
class BudgetStopTest {
    @LocalServerPort
    int port;
    @Autowired
    CostLedger ledger;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    MemoryRecall recall;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    String user;

    @BeforeEach
    void setUp() {
        jdbc.sql("DELETE FROM memory_jobs").update(); // other test classes' exchanges are not read here
        FakeModelServer.reset();
        user = "spent-" + UUID.randomUUID();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("You are Mnemo"))
                .willReturn(anthropicReply(CHEAP, "Braga is lovely.", 100, 10, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("memory extractor"))
                .willReturn(anthropicReply(CHEAP, "{\"memories\": []}", 100, 10, 0, 0)));
        // A million smart-model input tokens: $3, past the $2 budget.
        ledger.record(new ModelCall(user, null, "COMPLEX", "anthropic", SMART, new TokenUsage(1_000_000, 0, 0, 0), Duration.ZERO));
    }

    @Test
    void pastTheBudgetTheReplyComesAndMemoryIsReadOfflineWithoutAModelCall() {
        double before = skipped("MEMORY_EXTRACT");

        String reply = new Api(port, SqliteApp.API_TOKEN).message(user, "I live in Braga.").json().get("reply").asString();
        worker.drain();

        assertThat(reply).isEqualTo("Braga is lovely.");
        assertThat(server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ANTHROPIC_PATH))
                .withRequestBody(containing("memory extractor")))).isEmpty();
        assertThat(recall.list(user, 10)).extracting(Memory::text).containsExactly("I live in Braga.");
        assertThat(skipped("MEMORY_EXTRACT")).isEqualTo(before + 1);
        assertThat(ledger.mayRunInBackground(user, "CHECK_IN")).isFalse();
        assertThat(ledger.mayRunInBackground("someone-else-" + UUID.randomUUID(), "CHECK_IN")).isTrue();
    }

    private double skipped(String purpose) {
        Counter counter = meters.find("mnemo.budget.skipped").tag("purpose", purpose).counter();
        return counter == null ? 0 : counter.count();
    }
}
