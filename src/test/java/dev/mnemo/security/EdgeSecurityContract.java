package dev.mnemo.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.RawHttp;
import dev.mnemo.testing.SqliteApp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of the HTTP API as an attacker meets it, on each database: path tricks never get past a check, a
 * person's token reaches only that person's data, malformed requests are clear 4xx JSON errors that change nothing,
 * and huge bodies are refused before they are read.
 */
@ExtendWith(OutputCaptureExtension.class)
// The per-person rate limit has a test of its own; here it would answer 429 before the layers under test.
@TestPropertySource(properties = "assistant.api.requests-per-minute=0")
abstract class EdgeSecurityContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonTokens tokens;
    @Autowired
    ReplySender replies;

    Api admin;
    RawHttp raw;
    String alice;
    String bob;
    String aliceToken;
    String bobToken;
    String aliceMemory;
    String bobMemory;
    String bobPruned;
    String bobDelivery;

    /** A route of the API, with a path that reaches bob's data and, for writes, a body that would change it. */
    record Route(String method, String path, String body) {
    }

    @BeforeEach
    void setUp() {
        admin = new Api(port, SqliteApp.API_TOKEN);
        raw = new RawHttp(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + run;
        bob = "bob-" + run;
        aliceToken = tokens.create(alice, "laptop").secret();
        bobToken = tokens.create(bob, "phone").secret();
        aliceMemory = remember(alice, "I play the cello on Sundays");
        bobMemory = remember(bob, "My bank PIN hint is the name of my first cat");
        Api.Response edited = patch(admin, bobMemory, "{\"importance\": 9}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        replies.send(bob, "Reminder: call the dentist", MessageKind.REMINDER);
        bobDelivery = jdbc.sql("SELECT id FROM deliveries WHERE user_id = ? AND status = 'QUEUED'").param(bob)
                .query(String.class).single();
        // A second memory of bob's, pruned: restore would bring it back if it reached the wrong person.
        bobPruned = remember(bob, "My locker code is written in my blue notebook");
        jdbc.sql("UPDATE memories SET status = 'PRUNED' WHERE id = ?").param(bobPruned).update();
        assertThat(admin.message(bob, "/help").status()).isEqualTo(200);
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v1/memories?userId=" + bob, null),
                new Route("GET", "/api/v1/memories?userId=" + bob + "&q=cat", null),
                new Route("POST", "/api/v1/memories", Api.json(Map.of("userId", bob, "text", "planted memory"))),
                new Route("PATCH", "/api/v1/memories/" + bobMemory, "{\"text\": \"planted edit\"}"),
                new Route("DELETE", "/api/v1/memories/" + bobMemory, null),
                new Route("GET", "/api/v1/memories/" + bobMemory + "/history", null),
                new Route("POST", "/api/v1/memories/" + bobPruned + "/restore", null),
                new Route("POST", "/api/v1/messages", Api.json(Map.of("userId", bob, "text", "planted message"))),
                new Route("GET", "/api/v1/costs?userId=" + bob, null),
                new Route("GET", "/api/v1/inbox?userId=" + bob, null),
                new Route("GET", "/api/v1/inbox/pending?userId=" + bob, null),
                new Route("POST", "/api/v1/inbox/ack", Api.json(Map.of("userId", bob, "ids", List.of(bobDelivery)))),
                new Route("GET", "/api/v1/me?userId=" + bob, null),
                new Route("GET", "/actuator/prometheus", null),
                new Route("GET", "/actuator/env", null),
                new Route("POST", "/webhooks/twilio/sms", "From=%2B15551234567&Body=planted&MessageSid=SM1"),
                new Route("POST", "/webhooks/twilio/status", "MessageSid=SM1&MessageStatus=delivered"),
                new Route("POST", "/webhooks/discord/interactions", "{\"type\": 1}"));
    }

    /** The tricks that made {@code startsWith} checks and routing disagree, applied to a path's first segment. */
    static Map<String, UnaryOperator<String>> pathVariants() {
        Map<String, UnaryOperator<String>> variants = new LinkedHashMap<>();
        variants.put("semicolon", p -> firstSegment(p, s -> s + ";"));
        variants.put("semicolon parameter", p -> firstSegment(p, s -> s + ";x=y"));
        variants.put("encoded letter", p -> firstSegment(p, s -> "%" + Integer.toHexString(s.charAt(0)) + s.substring(1)));
        variants.put("encoded dot segment", p -> firstSegment(p, s -> s + "/%2e"));
        variants.put("encoded dot-dot", p -> "/webhooks/%2e%2e" + p);
        variants.put("encoded slash", p -> p.replaceFirst("/v1/", "%2Fv1/").replaceFirst("/prometheus", "%2Fprometheus")
                .replaceFirst("/twilio/", "%2Ftwilio/").replaceFirst("/discord/", "%2Fdiscord/").replaceFirst("/env", "%2Fenv"));
        variants.put("double slash", p -> "/" + p);
        variants.put("inner double slash", p -> firstSegment(p, s -> s + "/"));
        variants.put("dot-dot", p -> "/webhooks/.." + p);
        variants.put("dot-dot from health", p -> "/actuator/health/../.." + p);
        variants.put("upper case", p -> firstSegment(p, s -> s.toUpperCase()));
        variants.put("trailing slash", p -> p.contains("?") ? p.replace("?", "/?") : p + "/");
        variants.put("backslash", p -> firstSegment(p, s -> s + "\\"));
        variants.put("encoded semicolon", p -> firstSegment(p, s -> s + "%3B"));
        return variants;
    }

    private static String firstSegment(String path, UnaryOperator<String> change) {
        int end = path.indexOf('/', 1);
        return "/" + change.apply(path.substring(1, end)) + path.substring(end);
    }

    @Test
    void noPathVariantReachesAnythingWithoutAValidCredential(CapturedOutput output) {
        String before = snapshot();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : routes()) {
            List<String> paths = new ArrayList<>(List.of(route.path()));
            pathVariants().values().forEach(variant -> paths.add(variant.apply(route.path())));
            for (String path : paths) {
                for (String credential : new String[] {null, "Bearer wrong-token", "Bearer " + PersonTokens.PREFIX + "forged"}) {
                    RawHttp.Response response = send(route, path, credential);
                    checked++;
                    if (response.status() < 400 || response.status() >= 500 || response.status() == 429 || !isJsonError(response)) {
                        failures.add(route.method() + " " + path + " (" + credential + ") -> " + response.status() + " "
                                + abbreviate(response.body()));
                    }
                }
            }
        }
        assertThat(failures).as("requests that got past a check, of " + checked).isEmpty();
        assertThat(checked).isGreaterThan(600);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void aPersonsTokenReachesOnlyTheirOwnData() {
        String before = snapshot();
        Api asAlice = new Api(port, aliceToken);
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            if (route.path().startsWith("/webhooks")) {
                continue;
            }
            RawHttp.Response response = send(route, route.path(), "Bearer " + aliceToken);
            if (response.status() != 403 && response.status() != 404 || !isJsonError(response)) {
                failures.add(route.method() + " " + route.path() + " -> " + response.status() + " " + abbreviate(response.body()));
            }
            // the same without naming bob: what the token implies is alice, so bob's memory id is simply not found
            String implied = route.path().replace("?userId=" + bob + "&", "?").replace("?userId=" + bob, "");
            if (implied.contains(bobMemory) || implied.contains(bobPruned)) {
                RawHttp.Response byId = send(route, implied, "Bearer " + aliceToken);
                if (byId.status() != 404) {
                    failures.add(route.method() + " " + implied + " -> " + byId.status());
                }
            }
        }
        // bob's inbox id under alice's own name: nothing of bob's is handed over
        Api.Response acked = asAlice.post("/api/v1/inbox/ack", Api.json(Map.of("ids", List.of(bobDelivery))));
        assertThat(acked.status()).isEqualTo(200);
        assertThat(acked.json().get("acknowledged").asInt()).isZero();
        assertThat(asAlice.get("/api/v1/inbox/pending").json().get("items").toString()).doesNotContain(bobDelivery);
        assertThat(failures).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND status = 'QUEUED'").param(bob)
                .query(Long.class).single()).as("bob's inbox is still his to collect").isEqualTo(1);

        // alice's own data: userId may be left out, or name her
        assertThat(asAlice.get("/api/v1/memories").json().get(0).get("id").asString()).isEqualTo(aliceMemory);
        assertThat(asAlice.get("/api/v1/memories?userId=" + alice).status()).isEqualTo(200);
        assertThat(asAlice.get("/api/v1/memories/" + aliceMemory + "/history").status()).isEqualTo(200);
        assertThat(asAlice.get("/api/v1/costs").json().get("month").isString()).isTrue();
        assertThat(asAlice.get("/api/v1/inbox").status()).isEqualTo(200);
        Api.Response said = asAlice.post("/api/v1/messages", "{\"text\": \"/help\"}");
        assertThat(said.status()).as(said.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT user_id FROM messages WHERE id = ?").param(said.json().get("messageId").asString())
                .query(String.class).single()).isEqualTo(alice);
        assertThat(patch(asAlice, aliceMemory, "{\"importance\": 8}").status()).isEqualTo(200);
        assertThat(asAlice.send(asAlice.request("/api/v1/memories/" + aliceMemory)
                .header("Authorization", "Bearer " + aliceToken).DELETE()).status()).isEqualTo(204);
        assertThat(new Api(port, bobToken).get("/api/v1/memories").json().get(0).get("id").asString()).isEqualTo(bobMemory);
    }

    @Test
    void theAdminTokenNamesTheUserAndARevokedTokenStopsAtOnce() {
        assertThat(admin.get("/api/v1/memories").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/memories").json().get("error").asString()).contains("userId");
        assertThat(admin.get("/api/v1/memories?userId=" + bob).json().get(0).get("id").asString()).isEqualTo(bobMemory);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(new Api(port, aliceToken).get("/actuator/prometheus").status()).isEqualTo(403);

        String id = tokens.list(alice).getFirst().id();
        assertThat(tokens.revoke(id)).isTrue();
        Api.Response revoked = new Api(port, aliceToken).get("/api/v1/memories");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("error").asString()).isEqualTo("invalid bearer token");
        assertThat(tokens.list(alice).getFirst().revokedAt()).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?").param(aliceToken)
                .query(Long.class).single()).as("only the hash is stored").isZero();
    }

    @Test
    void malformedRequestsGetClearClientErrorsAndChangeNothing(CapturedOutput output) {
        String before = snapshot();
        List<MalformedRequests.Request> requests = new MalformedRequests(2026, alice, aliceToken, aliceMemory,
                SqliteApp.API_TOKEN).generate(600);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (MalformedRequests.Request request : requests) {
            RawHttp.Response response = raw.send(request.method(), request.target(), request.headers(), request.body());
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() < 400 || response.status() >= 500 || !isJsonError(response)) {
                failures.add(request.description() + ": " + request.method() + " " + request.target() + " -> "
                        + response.status() + " " + response.header("content-type") + " " + abbreviate(response.body()));
            }
        }
        System.out.println("Malformed requests by status: " + statuses);
        assertThat(failures).as("of " + requests.size() + " malformed requests").isEmpty();
        assertThat(statuses.keySet()).as("the generator reaches every layer").contains(400, 401, 403, 404, 405, 406, 413, 415);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(" ERROR ", "\tat ");
    }

    @Test
    void hugeBodiesAreRefusedOnEveryPathVariantBeforeTheyAreRead() {
        long tenMegabytes = 10L * 1024 * 1024;
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            if (route.body() == null) {
                continue;
            }
            List<String> paths = new ArrayList<>(List.of(route.path()));
            pathVariants().values().forEach(variant -> paths.add(variant.apply(route.path())));
            for (String path : paths) {
                for (boolean chunked : new boolean[] {false, true}) {
                    RawHttp.Response response = raw.sendHuge(route.method(), path, Map.of("Authorization",
                            "Bearer " + SqliteApp.API_TOKEN, "Content-Type", contentType(route)),
                            prefix(route), tenMegabytes, chunked);
                    boolean closed = response != null && response.status() == RawHttp.CLOSED_WITHOUT_READING;
                    if (response == null || !closed && (response.status() < 400 || response.status() >= 500
                            || !isJsonError(response))) {
                        failures.add(route.method() + " " + path + (chunked ? " chunked" : "") + " -> "
                                + (response == null ? "no answer: the server waited for the body" : response.status()));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void webhookBodiesAreCappedAt64KibWhateverThePathsSpelling() {
        byte[] hundredKib = ("Body=" + "w".repeat(100 * 1024)).getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/webhooks/twilio/sms", "/%77ebhooks/twilio/sms", "/webhooks/%74wilio/status",
                "/webhooks/discord/interactions", "/webhooks/discord/%69nteractions")) {
            RawHttp.Response response = raw.send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    hundredKib);
            assertThat(response.status()).as(path).isEqualTo(413);
            assertThat(response.body()).contains(String.valueOf(64 * 1024));
        }
        RawHttp.Response api = raw.send("POST", "/api/v1/memories", Map.of("Authorization", "Bearer " + aliceToken,
                "Content-Type", "application/json"), ("{\"text\": \"" + "w".repeat(100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(api.status()).as("the API's own cap is 256 KiB: this one is refused for its text").isEqualTo(400);
    }

    @Test
    void textsPostgresqlWouldRefuseAreStoredWithAReplacementCharacter() {
        Api.Response nul = admin.post("/api/v1/messages",
                "{\"userId\": \"" + alice + "\", \"text\": \"a\\u0000b and a lone \\uD800 surrogate\"}");
        assertThat(nul.status()).as(nul.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT text FROM messages WHERE id = ?").param(nul.json().get("messageId").asString())
                .query(String.class).single()).isEqualTo("a\uFFFDb and a lone \uFFFD surrogate");

        Api.Response memory = admin.post("/api/v1/memories", "{\"userId\": \"" + alice + "\", \"text\": \"my code is 4\\u00002\"}");
        assertThat(memory.status()).as(memory.body()).isEqualTo(201);
        assertThat(memory.json().get("text").asString()).containsIgnoringCase("my code is 4\uFFFD2");
    }

    @Test
    void jsonTypesAreStrictAndPatchesThatChangeNothingLeaveNoVersion() {
        assertError(patch(admin, aliceMemory, "{\"importance\": 2.9}"), 400, "importance must be an integer");
        assertError(patch(admin, aliceMemory, "{\"importance\": \"3\"}"), 400, "importance must be an integer");
        assertError(patch(admin, aliceMemory, "{\"tags\": [null]}"), 400, "tags[0] must not be null");
        assertError(patch(admin, aliceMemory, "{\"colour\": \"blue\"}"), 400, "nothing to change");
        assertError(admin.get("/api/v1/memories?userId=" + alice + "&limit=500"), 400, "limit must be 1..200");
        assertError(admin.get("/api/v1/costs?userId=" + alice + "&month=2026-1"), 400, "month must be YYYY-MM");

        int versions = admin.get("/api/v1/memories/" + aliceMemory + "/history").json().size();
        JsonNode stored = admin.get("/api/v1/memories?userId=" + alice).json().get(0);
        Api.Response same = patch(admin, aliceMemory, Api.json(Map.of("text", stored.get("text").asString(),
                "importance", stored.get("importance").asInt(), "kind", stored.get("kind").asString())));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/memories/" + aliceMemory + "/history").json().size()).isEqualTo(versions);
        assertThat(patch(admin, aliceMemory, "{\"importance\": 4}").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/memories/" + aliceMemory + "/history").json().size()).isEqualTo(versions + 1);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (RawHttp.Response response : List.of(
                raw.send("GET", "/api/v1/memories", Map.of("Authorization", "Bearer " + aliceToken), null),
                raw.send("GET", "/api/v1/memories", Map.of(), null),
                raw.send("GET", "/actuator/health", Map.of(), null),
                raw.send("GET", "/api;/v1/memories", Map.of(), null),
                raw.send("GET", "/api/v1/memories?q=%ZZ", Map.of("Authorization", "Bearer " + aliceToken), null),
                raw.send("GET", "/api/v1/%ZZ", Map.of(), null))) {
            assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(response.header("cache-control")).contains("no-store");
            assertThat(response.header("referrer-policy")).isEqualTo("no-referrer");
            assertThat(response.header("content-security-policy")).contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(response.header("set-cookie")).isEmpty();
        }
        RawHttp.Response health = raw.send("GET", "/actuator/health", Map.of(), null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("details", "jdbc:", "127.0.0.1");
    }

    private RawHttp.Response send(Route route, String path, String credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (credential != null) {
            headers.put("Authorization", credential);
        }
        byte[] body = null;
        if (route.body() != null) {
            headers.put("Content-Type", contentType(route));
            body = route.body().getBytes(StandardCharsets.UTF_8);
        } else if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            body = new byte[0];
        }
        return raw.send(route.method(), path, headers, body);
    }

    /** What a real upload of this route would start with, so that only its size can be wrong. */
    private static String prefix(Route route) {
        return contentType(route).equals("application/json") ? "{\"userId\": \"x\", \"text\": \"" : "Body=";
    }

    private static String contentType(Route route) {
        return route.path().startsWith("/webhooks/twilio") ? "application/x-www-form-urlencoded" : "application/json";
    }

    /** Everything a request could have changed about alice and bob. */
    private String snapshot() {
        List<String> users = List.of(alice, bob);
        return String.join("\n",
                jdbc.sql("SELECT id, user_id, text, kind, importance, tags, status FROM memories WHERE user_id IN (:users) ORDER BY id")
                        .param("users", users).query().listOfRows().toString(),
                jdbc.sql("SELECT COUNT(*) FROM memory_versions v JOIN memories m ON m.id = v.memory_id WHERE m.user_id IN (:users)")
                        .param("users", users).query(Long.class).single().toString(),
                jdbc.sql("SELECT id, user_id, text, status FROM messages WHERE user_id IN (:users) ORDER BY id")
                        .param("users", users).query().listOfRows().toString(),
                jdbc.sql("SELECT id, status FROM deliveries WHERE user_id IN (:users) ORDER BY id")
                        .param("users", users).query().listOfRows().toString(),
                jdbc.sql("SELECT COUNT(*) FROM memory_jobs WHERE user_id IN (:users)")
                        .param("users", users).query(Long.class).single().toString());
    }

    private String remember(String user, String text) {
        Api.Response response = admin.post("/api/v1/memories", Api.json(Map.of("userId", user, "text", text)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static Api.Response patch(Api api, String id, String body) {
        return api.send(api.authorizedRequest("/api/v1/memories/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    static boolean isJsonError(RawHttp.Response response) {
        if (!response.header("content-type").startsWith("application/json")) {
            return false;
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ") || response.body().contains("<html")) {
            return false;
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.isObject() && json.path("error").isString();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static void assertError(Api.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").asString()).contains(message);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
