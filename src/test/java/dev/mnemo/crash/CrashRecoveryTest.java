package dev.mnemo.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.ChildApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeTwilio;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged application killed with SIGKILL while model calls are in flight (one from the API, one from an SMS)
 * and a memory job runs, then started again on the same data: each message gets its late answer exactly once (the
 * API's in the inbox, the SMS's through the fake Twilio), the abandoned job is taken over and done within 60 s, a
 * reminder that fell due while it was down is sent once, and a second kill and restart sends nothing twice.
 */
class CrashRecoveryTest {
    private static final String USER = "crash-user";
    private static final String SMS_USER = "alice";
    private static final String PHONE = "+15557654321";
    private static final String PUBLIC_URL = "https://mnemo.example.com";
    private static final String SMS_QUESTION = "what is the capital of Chile?";
    private static final String QUESTION = "what is the capital of Peru?";
    private static final String STATEMENT = "I moved to Lima last year and I love the food there";

    @TempDir
    Path temp;
    private final List<ChildApp> apps = new ArrayList<>();

    @AfterEach
    void stopAll() {
        apps.forEach(ChildApp::close);
        FakeModelServer.reset();
    }

    @Test
    void aKilledReplyIsAnsweredLateOnceAndAnAbandonedMemoryJobIsTakenOver() throws Exception {
        FakeModelServer.reset();
        // The first instance: extraction hangs (a job stays RUNNING), the question's reply hangs (in flight).
        for (String model : new String[] {CHEAP, SMART}) {
            server().stubFor(anthropic(model).atPriority(1).withRequestBody(containing("memory extractor"))
                    .willReturn(anthropicReply(model, "{\"memories\": []}", 100, 10, 0, 0).withFixedDelay(600_000)));
            server().stubFor(anthropic(model).atPriority(2).withRequestBody(containing("capital of Chile"))
                    .willReturn(anthropicReply(model, "never sent", 100, 10, 0, 0).withFixedDelay(600_000)));
            server().stubFor(anthropic(model).atPriority(2).withRequestBody(containing("capital of Peru"))
                    .willReturn(anthropicReply(model, "never sent", 100, 10, 0, 0).withFixedDelay(600_000)));
            server().stubFor(anthropic(model).atPriority(3).willReturn(anthropicReply(model, "Noted!", 100, 10, 0, 0)));
        }
        FakeTwilio.acceptMessages();
        Path data = Files.createDirectory(temp.resolve("data"));
        ChildApp first = started(data, "first");

        // alice on SMS: her question's answer hangs; her reminder falls due while the application is down
        Map<String, String> sms = sms(SMS_QUESTION);
        assertThat(first.api().send(first.api().request("/webhooks/twilio/sms")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", FakeTwilio.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + "/webhooks/twilio/sms", sms))
                .POST(HttpRequest.BodyPublishers.ofString(FakeTwilio.formBody(sms)))).status()).isEqualTo(200);
        assertThat(first.api().message(SMS_USER, "/remind in 2 hours call mom").json().get("reply").asString())
                .startsWith("I'll remind you: call mom");
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsFor(ANTHROPIC_PATH, CHEAP).stream()
                .anyMatch(r -> r.getBodyAsString().contains("capital of Chile")));

        Api api = first.api();
        String statementId = api.message(USER, STATEMENT).json().get("messageId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(data, statementId).equals("RUNNING"));
        CompletableFuture<HttpResponse<String>> inFlight = Api.client().sendAsync(api.authorizedRequest("/api/v1/messages")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("userId", USER, "text", QUESTION)))).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsFor(ANTHROPIC_PATH, CHEAP).stream()
                .anyMatch(r -> r.getBodyAsString().contains("capital of Peru")));

        first.kill();
        assertThat(inFlight).failsWithin(Duration.ofSeconds(10));
        assertThat(status(data, QUESTION)).isEqualTo("UNANSWERED");
        assertThat(status(data, SMS_USER, SMS_QUESTION)).isEqualTo("UNANSWERED");
        // Two hours pass while it is down: the reminder is due.
        update(data, "UPDATE reminders SET due_at = ? WHERE user_id = ?", System.currentTimeMillis() - 60_000, SMS_USER);

        // The second instance: the model answers again.
        FakeModelServer.reset();
        FakeTwilio.acceptMessages();
        for (String model : new String[] {CHEAP, SMART}) {
            server().stubFor(anthropic(model).willReturn(anthropicReply(model, "Lima is the capital of Peru.", 100, 10, 0, 0)));
        }
        long restarted = System.nanoTime();
        ChildApp second = started(data, "second");
        List<String> inbox = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode messages = second.api().get("/api/v1/inbox?userId=" + USER).json().get("messages");
            messages.forEach(m -> inbox.add(m.asString()));
            return !inbox.isEmpty();
        });
        long lateAnswerMillis = (System.nanoTime() - restarted) / 1_000_000;
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(data, statementId).equals("DONE"));
        long reclaimedMillis = (System.nanoTime() - restarted) / 1_000_000;
        System.out.printf("Crash recovery: late answer %d ms after the restart began, abandoned memory job done after %d ms%n",
                lateAnswerMillis, reclaimedMillis);

        await().atMost(Duration.ofSeconds(60)).until(() -> twilioSent("Earlier you asked") == 1 && twilioSent("call mom") == 1);

        assertThat(inbox).hasSize(1);
        assertThat(inbox.getFirst()).startsWith("Earlier you asked: \u201c" + QUESTION + "\u201d").contains("Lima is the capital");
        assertThat(status(data, QUESTION)).isEqualTo("ANSWERED");

        // A second kill and restart: nothing is answered twice.
        second.kill();
        ChildApp third = started(data, "third");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() ->
                third.api().get("/api/v1/inbox?userId=" + USER).json().get("messages").isEmpty());
        assertThat(count(data, "SELECT COUNT(*) FROM messages WHERE user_id = ? AND direction = 'OUT' AND text LIKE 'Earlier you asked%'"))
                .isEqualTo(1);
        // an SMS carries the curly quotes as their GSM-7 twins
        assertThat(twilioSent("Earlier you asked: \"" + SMS_QUESTION)).as("the SMS answered late, once").isEqualTo(1);
        assertThat(twilioSent("call mom")).as("the reminder, once").isEqualTo(1);
        assertThat(status(data, SMS_USER, SMS_QUESTION)).isEqualTo("ANSWERED");
        assertThat(requestsFor(ANTHROPIC_PATH, CHEAP).stream().filter(r -> r.getBodyAsString().contains("capital of Peru")
                && !r.getBodyAsString().contains("memory extractor"))).as("one answering call after the crash").hasSize(1);
    }

    private static Map<String, String> sms(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", FakeTwilio.newSid());
        params.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        params.put("From", PHONE);
        params.put("To", FakeTwilio.FROM);
        params.put("Body", body);
        return params;
    }

    private static long twilioSent(String text) {
        return FakeTwilio.sent().stream().filter(m -> m.getOrDefault("Body", "").contains(text)).count();
    }

    private ChildApp started(Path data, String name) {
        ChildApp app = new ChildApp(data, temp.resolve(name + ".log"), List.of(
                "assistant.providers.anthropic.api-key=" + FakeModelServer.ANTHROPIC_KEY,
                "assistant.providers.anthropic.base-url=" + FakeModelServer.baseUrl(),
                "assistant.models.cheap=" + CHEAP, "assistant.models.smart=" + SMART,
                "assistant.models.retry.max-attempts=1",
                "assistant.conversation.reply-deadline=5s",
                "assistant.conversation.late-answers.poll=1s",
                "assistant.memory.job-poll-interval=1s",
                // each exchange read as it comes: the abandoned job is the one stuck in its model call
                "assistant.memory.burst-pause=0s",
                "assistant.backup.scheduled=false",
                "assistant.proactive.reminder-poll=1s",
                "assistant.twilio.account-sid=" + FakeTwilio.ACCOUNT_SID,
                "assistant.twilio.auth-token=" + FakeTwilio.AUTH_TOKEN,
                "assistant.twilio.from-number=" + FakeTwilio.FROM,
                "assistant.twilio.api-base-url=" + FakeModelServer.baseUrl(),
                "assistant.channels.public-url=" + PUBLIC_URL,
                "assistant.channels.allowed-senders=sms:" + PHONE + "=" + SMS_USER));
        apps.add(app);
        return app.start();
    }

    private static String status(Path data, String text) throws SQLException {
        return status(data, USER, text);
    }

    private static String status(Path data, String user, String text) throws SQLException {
        try (Connection db = open(data); PreparedStatement query = db.prepareStatement(
                "SELECT status FROM messages WHERE user_id = ? AND direction = 'IN' AND text = ?")) {
            query.setString(1, user);
            query.setString(2, text);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "MISSING";
            }
        }
    }

    /** RUNNING or PENDING while queued, DONE once the job is gone from the queue. */
    private static String jobStatus(Path data, String messageId) throws SQLException {
        try (Connection db = open(data); PreparedStatement query = db.prepareStatement(
                "SELECT status FROM memory_jobs WHERE message_id = ?")) {
            query.setString(1, messageId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "DONE";
            }
        }
    }

    private static long count(Path data, String sql) throws SQLException {
        try (Connection db = open(data); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, USER);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void update(Path data, String sql, long value, String user) throws SQLException {
        try (Connection db = open(data); PreparedStatement update = db.prepareStatement(sql)) {
            update.setLong(1, value);
            update.setString(2, user);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection open(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("mnemo.db") + "?busy_timeout=10000");
    }
}
