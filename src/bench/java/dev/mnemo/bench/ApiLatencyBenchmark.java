package dev.mnemo.bench;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's added latency per message: {@code POST /api/v1/messages} end to end (store, route, recall
 * memories into the prompt, model call, ledger, store reply, queue memory extraction) against a fake
 * Anthropic server that answers at once, minus the same client's round trip to that fake alone. Run with {@code ./mvnw -Pbench test -Dtest=ApiLatencyBenchmark}.
 */
@Tag("benchmark")
@FakeAnthropicApp
class ApiLatencyBenchmark {
    private static final int WARMUP = 300;
    private static final int MEASURED = 1000;
    /** The user already has this many memories, so each message pays for a real recall. */
    private static final int MEMORIES = 300;
    private static final String[] NAMES = {"Ana", "Rui", "Marta", "João", "Inês", "Tiago", "Sofia", "Pedro", "Rita", "Nuno"};
    private static final String[] THINGS = {"jazz", "hiking", "sushi", "chess", "cycling", "poetry", "football", "baking",
            "sailing", "opera", "climbing", "gardening", "tea", "photography", "surfing", "knitting", "running",
            "painting", "cinema", "astronomy", "yoga", "pottery", "tennis", "wine", "reading", "dancing", "fishing",
            "skiing", "cooking", "birdwatching"};

    @Autowired
    MemoryIntake intake;

    @LocalServerPort
    int port;

    @Test
    void addedLatencyPerMessage() throws IOException {
        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "ok", 200, 20, 0, 0)));
        Api api = new Api(port, SqliteApp.API_TOKEN);
        Api fake = new Api(server().port(), "unused");
        String fakeBody = "{\"model\":\"" + CHEAP + "\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        for (int i = 0; i < MEMORIES; i++) {
            intake.remember("bench", "Fact number " + i + ": my friend " + NAMES[i % NAMES.length] + " likes "
                    + THINGS[(i / NAMES.length) % THINGS.length] + ".", null);
        }
        for (int i = 0; i < WARMUP; i++) {
            api.message("bench-warmup", "how are you today? " + i);
            fake.send(fake.request(FakeModelServer.ANTHROPIC_PATH).POST(HttpRequest.BodyPublishers.ofString(fakeBody)));
        }
        long[] direct = new long[MEASURED];
        long[] viaApi = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            fake.send(fake.request(FakeModelServer.ANTHROPIC_PATH).POST(HttpRequest.BodyPublishers.ofString(fakeBody)));
            direct[i] = System.nanoTime() - start;
            start = System.nanoTime();
            Api.Response response = api.message("bench", "how are you today? " + i);
            viaApi[i] = System.nanoTime() - start;
            assertThat(response.status()).isEqualTo(200);
        }
        String report = """
                API latency per message, %d messages after %d warm-up, one user with %d memories, SQLite (WAL), fake model on loopback
                  POST /api/v1/messages end to end: p50 %.2f ms  p99 %.2f ms
                  the fake model alone:             p50 %.2f ms  p99 %.2f ms
                  added by Mnemo:                   p50 %.2f ms  p99 %.2f ms
                """.formatted(MEASURED, WARMUP, MEMORIES, ms(viaApi, 50), ms(viaApi, 99), ms(direct, 50), ms(direct, 99),
                ms(viaApi, 50) - ms(direct, 50), ms(viaApi, 99) - ms(direct, 99));
        System.out.println(report);
        Path out = Path.of("target", "bench", "api-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
