package dev.mnemo.web;

import static dev.mnemo.testing.PageForms.csrf;
import static dev.mnemo.testing.PageForms.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.security.WebAccounts;
import dev.mnemo.testing.BenchApp;
import dev.mnemo.testing.RandomVectors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of the web app for a person with 10,000 memories (and 2,000 messages): the time from request to the
 * last byte on loopback, signed in, after a warm-up — an upper bound of the server's time (the client's share on
 * loopback is a fraction of a millisecond). Run: {@code ./mvnw -Pbench test -Dtest=WebPageBenchmark}; the table goes
 * to {@code target/bench/web-pages.txt}.
 */
@Tag("benchmark")
@BenchApp
class WebPageBenchmark {
    private static final int MEMORIES = 10_000;
    private static final int MESSAGES = 2_000;
    private static final int WARMUP = 50;
    private static final int MEASURED = 200;
    private static final String[] NAMES = {"Ana", "Rui", "Marta", "João", "Inês", "Tiago", "Sofia", "Pedro", "Rita", "Nuno"};
    private static final String[] THINGS = {"jazz", "hiking", "sushi", "chess", "cycling", "poetry", "football", "baking"};

    @LocalServerPort
    int port;
    @Autowired
    MemoryChanges changes;
    @Autowired
    Embedder embedder;
    @Autowired
    WebAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyPageAtTenThousandMemories() throws Exception {
        String user = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        String oneId = fill(user);
        accounts.add(user, "benchmark password".toCharArray());
        String cookie = signIn(user, "benchmark password");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("chat (last 50 of 2,000 messages)", "/");
        pages.put("memories, newest", "/memories");
        pages.put("memories, strongest", "/memories?sort=STRONGEST");
        pages.put("memories, most important", "/memories?sort=IMPORTANT");
        pages.put("memories, kind + tag, page 40", "/memories?kind=EVENT&tag=ana&offset=1000");
        pages.put("memories, person filter", "/memories?person=marta");
        pages.put("memories, search (read path)", "/memories?q=" + enc("what does Marta like"));
        pages.put("one memory", "/memories/" + oneId);
        pages.put("reminders", "/reminders");
        pages.put("costs", "/costs");
        pages.put("costs CSV", "/costs/month.csv");
        pages.put("activity", "/activity");
        pages.put("settings", "/settings");

        StringBuilder report = new StringBuilder("Web pages, one person with %,d memories and %,d messages, SQLite (WAL), %d requests each after %d warm-up\n"
                .formatted(MEMORIES, MESSAGES, MEASURED, WARMUP))
                .append("  page                                   p50 ms   p99 ms   max ms\n");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                get(page.getValue(), cookie);
            }
            long[] took = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = get(page.getValue(), cookie);
                took[i] = System.nanoTime() - start;
                assertThat(response.statusCode()).as(page.getKey()).isEqualTo(200);
            }
            Arrays.sort(took);
            report.append("  %-38s %6.2f   %6.2f   %6.2f\n".formatted(page.getKey(), ms(took, 50), ms(took, 99),
                    took[took.length - 1] / 1e6));
        }
        Path out = Path.of("target", "bench", "web-pages.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /** Memories straight into the store (random vectors: the pages do not depend on their meaning), and messages. */
    private String fill(String user) {
        Random random = new Random(42);
        int dim = embedder.dimension();
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < MEMORIES; from += 5_000) {
            int first = from;
            changes.run(user, edit -> {
                for (int i = first; i < Math.min(MEMORIES, first + 5_000); i++) {
                    long at = 1_700_000_000_000L + i * 60_000L;
                    String name = NAMES[i % NAMES.length];
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    StoredMemory m = new StoredMemory(id, user, "Memory " + i + ": " + name + " likes "
                            + THINGS[(i / NAMES.length) % THINGS.length] + ".", MemoryKind.values()[i % MemoryKind.values().length],
                            1 + random.nextInt(10), List.of(name.toLowerCase(), "friends"), at, at, null, 0,
                            random.nextDouble(), at, at, MemoryStatus.ACTIVE, null);
                    edit.add(m, List.of(), embedder.modelId(), RandomVectors.unit(random, dim));
                }
            });
        }
        for (int i = 0; i < MESSAGES; i++) {
            jdbc.sql("INSERT INTO messages (id, user_id, channel, direction, text, created_at, status) VALUES (?, ?, 'web', ?, ?, ?, 'ANSWERED')")
                    .params(UUID.randomUUID().toString(), user, i % 2 == 0 ? "IN" : "OUT", "message " + i,
                            1_700_000_000_000L + i * 1000L).update();
        }
        return ids.get(MEMORIES / 2);
    }

    private String signIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(form);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + enc(password) + "&_csrf=" + enc(csrf(form.body()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MNEMO_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<byte[]> get(String path, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
