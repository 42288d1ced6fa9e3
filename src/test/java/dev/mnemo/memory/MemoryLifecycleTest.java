package dev.mnemo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.system.SharedCache;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.ZoneOffset;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The memory a person sees and controls, offline (no model): through the HTTP API and the chat commands. */
@SqliteApp
class MemoryLifecycleTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    MutableClock clock;
    @Autowired
    SharedCache cache;
    @Autowired
    MemoryRecall recall;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "mem-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void sayingTheSameThingThreeWaysLeavesOneMemoryWithEveryMessageAsItsSource() {
        say("/remember my sister is Ana");
        say("/remember Ana is my sister");
        String third = say("/remember I have a sister named Ana");

        JsonNode memories = memories();
        assertThat(memories).hasSize(1);
        assertThat(memories.get(0).get("text").asString()).isEqualTo("I have a sister named Ana.");
        assertThat(memories.get(0).get("sources")).hasSize(3);
        assertThat(third).startsWith("I already knew that");
    }

    @Test
    void aCorrectionReplacesTheOldBeliefAndKeepsItInTheHistory() {
        say("/remember my sister is Anna");
        clock.advance(Duration.ofDays(3));
        String reply = say("/remember actually my sister is Ana, not Anna");

        assertThat(reply).isEqualTo("Updated what I remembered. Now: My sister is Ana.");
        JsonNode memories = memories();
        assertThat(memories).hasSize(1);
        JsonNode history = api.get("/api/v1/memories/" + memories.get(0).get("id").asString() + "/history").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("text").asString()).isEqualTo("My sister is Anna.");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("CORRECTED");
        assertThat(history.get(0).get("validTo").asString()).isEqualTo(clock.instant().toString());
    }

    @Test
    void withoutAModelTheOwnStatementsOfAChatAreRememberedAfterTheReply() {
        say("Hi! I live in Porto. I work at Acme as a nurse. What's the weather like?");
        assertThat(memories()).isEmpty(); // nothing on the reply's path

        assertThat(worker.drain()).isEqualTo(1);

        assertThat(memories()).extracting(m -> m.get("text").asString())
                .containsExactlyInAnyOrder("I live in Porto.", "I work at Acme as a nurse.");
        say("Actually I moved to Lisbon last month.");
        worker.drain();
        assertThat(memories()).extracting(m -> m.get("text").asString())
                .containsExactlyInAnyOrder("I moved to Lisbon last month.", "I work at Acme as a nurse.");
    }

    @Test
    void forgetShowsWhatMatchesAsksAndThenDeletesEverywhere() {
        say("My sister is Ana and she is a doctor.");
        say("I love hiking.");
        worker.drain();
        String sisterText = memories().findValues("text").stream().map(JsonNode::asString)
                .filter(t -> t.contains("sister")).findFirst().orElseThrow();
        String sisterId = memoryIdWith("sister");
        String sourceMessage = jdbc.sql("SELECT message_id FROM memory_sources WHERE memory_id = ?").param(sisterId)
                .query(String.class).single();

        String proposal = say("/forget my sister");
        assertThat(proposal).contains("This would forget:", sisterText, "/forget yes").doesNotContain("hiking");
        assertThat(memories()).hasSize(2); // nothing deleted before the confirmation

        assertThat(say("/forget yes")).startsWith("Forgotten: 1 memory");

        assertThat(memories()).extracting(m -> m.get("text").asString()).containsExactly("I love hiking.");
        assertThat(api.get("/api/v1/memories?userId=" + user + "&q=sister").json().findValues("text"))
                .extracting(JsonNode::asString).noneMatch(t -> t.contains("sister"));
        assertThat(recall.recall(user, "who is my sister?", ZoneOffset.UTC, 5)).extracting(r -> r.memory().text())
                .noneMatch(t -> t.contains("sister"));
        assertThat(api.get("/api/v1/memories/" + sisterId + "/history").status()).isEqualTo(404);
        assertThat(count("memory_vectors WHERE memory_id = ?", sisterId)).isZero();
        assertThat(count("memory_versions WHERE memory_id = ?", sisterId)).isZero();
        assertThat(count("memory_sources WHERE memory_id = ?", sisterId)).isZero();
        assertThat(jdbc.sql("SELECT text FROM messages WHERE id = ? OR in_reply_to = ?").params(sourceMessage, sourceMessage)
                .query(String.class).list()).containsOnly("[forgotten at the person's request]");
        assertThat(say("/forget yes")).startsWith("There was nothing waiting");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE user_id = ? AND text LIKE ?").params(user, "%" + sisterText + "%")
                .query(Long.class).single()).as("the /forget listing quoted it").isZero();
    }

    @Test
    void forgettingOneMemoryOfAMessageClearsThatMessageFromTheOthersTakenFromIt() {
        String message = "My sister Ana is a doctor. I love hiking.";
        say(message);
        worker.drain();
        String hiking = memoryIdWith("hiking");
        assertThat(context(hiking)).isEqualTo(message);

        say("/forget my sister");
        assertThat(say("/forget yes")).startsWith("Forgotten: 1 memory");

        assertThat(memories()).extracting(m -> m.get("text").asString()).containsExactly("I love hiking.");
        assertThat(context(hiking)).as("the forgotten sister must not live on in the hiking memory's context").isNull();
    }

    @Test
    void aMessageWithPersonalDataIsNotKeptAsTheContextOfWhatWasTakenFromIt() {
        say("I love hiking. Write to me at ana.silva@example.com");
        worker.drain();
        assertThat(context(memoryIdWith("hiking"))).as("the address was not remembered; its context must not keep it")
                .isNull();
    }

    @Test
    void smallTalkRecallsNothing() {
        say("/remember I love hiking");
        assertThat(recall.recall(user, "thanks!", ZoneOffset.UTC, 5)).isEmpty();
        assertThat(recall.recall(user, "ok cool", ZoneOffset.UTC, 5)).isEmpty();
        assertThat(recall.recall(user, "any hiking trails near me?", ZoneOffset.UTC, 5)).hasSize(1);
    }

    private String context(String memoryId) {
        String context = jdbc.sql("SELECT COALESCE(context, '-') FROM memories WHERE id = ?").param(memoryId)
                .query(String.class).single();
        return context.equals("-") ? null : context;
    }

    @Test
    void aVeryLongSearchIsAnswered() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 15_900; i++) {
            words.append("w").append(i).append(' '); // about 2,600 distinct words: far over Lucene's 1,024 clauses
        }
        assertThat(say("/search " + words.toString().strip())).isEqualTo("I don't remember anything about that.");
    }

    @Test
    void aForgottenTextLeavesNoEmbeddingInTheCache() {
        Api.Response added = api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "My PIN hint is the blue door")));
        String id = added.json().get("id").asString();
        String text = added.json().get("text").asString();
        long cachedBefore = cachedEmbeddings(text);

        assertThat(api.send(api.request("/api/v1/memories/" + id).header("Authorization", "Bearer " + SqliteApp.API_TOKEN)
                .DELETE()).status()).isEqualTo(204);

        assertThat(cachedBefore).isEqualTo(1);
        assertThat(cachedEmbeddings(text)).isZero();
        assertThat(api.get("/api/v1/memories/" + id + "/history").status()).isEqualTo(404);
    }

    @Test
    void oneUsersMemoriesNeverReachAnother() {
        api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "My bank is Northwind")));
        String id = memoryIdWith("Northwind");
        String other = "other-" + UUID.randomUUID();

        assertThat(api.get("/api/v1/memories?userId=" + other + "&q=bank+Northwind").json()).isEmpty();
        assertThat(api.get("/api/v1/memories?userId=" + other).json()).isEmpty();
        assertThat(recall.recall(other, "Northwind bank", ZoneOffset.UTC, 5)).isEmpty();
        assertThat(api.message(other, "/forget " + id.substring(0, 13)).json().get("reply").asString())
                .isEqualTo("I don't remember anything matching that.");
        assertThat(api.send(api.request("/api/v1/memories/" + id + "?userId=" + other)
                .header("Authorization", "Bearer " + SqliteApp.API_TOKEN).DELETE()).status()).isEqualTo(404);
        assertThat(memories()).hasSize(1);
    }

    @Test
    void anEditKeepsThePreviousVersion() {
        api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "My favourite tea is green tea")));
        String id = memoryIdWith("tea");

        Api.Response edited = api.send(api.request("/api/v1/memories/" + id)
                .header("Authorization", "Bearer " + SqliteApp.API_TOKEN).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"text\": \"My favourite tea is oolong\", \"importance\": 6, \"kind\": \"preference\"}")));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("text").asString()).isEqualTo("My favourite tea is oolong");
        assertThat(edited.json().get("kind").asString()).isEqualTo("PREFERENCE");
        assertThat(api.get("/api/v1/memories/" + id + "/history").json().get(0).get("reason").asString()).isEqualTo("EDITED");
        assertThat(api.get("/api/v1/memories?userId=" + user + "&q=oolong").json().get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aMemoryAddedThroughTheApiKeepsWhenItWasSaid() {
        Api.Response added = api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "I sold my car",
                "saidAt", "2026-03-14T09:30:00Z")));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("createdAt").asString()).isEqualTo("2026-03-14T09:30:00Z");
        assertThat(added.json().get("updatedAt").asString()).isEqualTo("2026-03-14T09:30:00Z");

        Api.Response future = api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "I am in Rome",
                "saidAt", clock.instant().plus(Duration.ofDays(3)).toString())));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("error").asString()).isEqualTo("saidAt is in the future");
        Api.Response garbled = api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "I am in Rome",
                "saidAt", "last tuesday")));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().has("error")).isTrue();
        assertThat(memories()).hasSize(1);
    }

    @Test
    void badMemoryRequestsAreClearErrors() {
        assertThat(api.post("/api/v1/memories", "{\"userId\": \"" + user + "\", \"text\": \" \"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories", "{\"userId\": \"" + user + "\", \"text\": \"" + "x".repeat(2001) + "\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/memories").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/memories?userId=" + user + "&limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/memories/01234567-89ab-7def-8123-456789abcdef/history").status()).isEqualTo(404);
        api.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", "I play the cello")));
        String id = memoryIdWith("cello");
        assertThat(patch(id, "{\"importance\": 11}").status()).isEqualTo(400);
        assertThat(patch(id, "{\"kind\": \"banana\"}").status()).isEqualTo(400);
        assertThat(patch("no-such-id", "{\"importance\": 5}").status()).isEqualTo(404);
        Api.Response nullTag = patch(id, "{\"tags\": [null, \"Music\"]}");
        assertThat(nullTag.status()).isEqualTo(400);
        assertThat(nullTag.json().get("error").asString()).isEqualTo("tags[0] must not be null");
        Api.Response tags = patch(id, "{\"tags\": [\"Music\"]}");
        assertThat(tags.status()).isEqualTo(200);
        assertThat(tags.json().get("tags").get(0).asString()).isEqualTo("music");
        assertThat(memories().get(0).get("importance").asInt()).isGreaterThanOrEqualTo(7); // explicit: kept at 7+
    }

    private Api.Response patch(String id, String body) {
        return api.send(api.request("/api/v1/memories/" + id).header("Authorization", "Bearer " + SqliteApp.API_TOKEN)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private String say(String text) {
        Api.Response response = api.message(user, text);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("reply").asString();
    }

    private JsonNode memories() {
        return api.get("/api/v1/memories?userId=" + user).json();
    }

    private String memoryIdWith(String word) {
        for (JsonNode m : memories()) {
            if (m.get("text").asString().contains(word)) {
                return m.get("id").asString();
            }
        }
        throw new AssertionError("no memory with " + word);
    }

    private long count(String fromWhere, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + fromWhere).param(id).query(Long.class).single();
    }

    private long cachedEmbeddings(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return cache.get("emb:bge-small-en-v1.5:" + HexFormat.of().formatHex(hash)).isPresent() ? 1 : 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
