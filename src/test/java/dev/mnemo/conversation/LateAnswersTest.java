package dev.mnemo.conversation;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicError;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What an outage left unanswered is answered once a model answers again: once, marked late, in the inbox. */
@FakeAnthropicApp
class LateAnswersTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LateAnswers lateAnswers;
    @Autowired
    MutableClock clock;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "late-" + UUID.randomUUID();
        // What other tests in this shared context left unanswered is answered now, so that it cannot stand in the way.
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "(left over)", 300, 20, 0, 0)));
        clock.advance(Duration.ofMinutes(1));
        lateAnswers.answerWaiting();
        FakeModelServer.reset();
    }

    @Test
    void anOutageIsFollowedByOneLateAnswerPerMessageOldestFirstAndCommandsAreNotRerun() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicError(529, "overloaded_error")));
        String first = api.message(user, "what's a good name for a cat?").json().get("messageId").asString();
        assertThat(api.message(user, "/help").status()).isEqualTo(200);
        String second = api.message(user, "and for a dog?").json().get("messageId").asString();
        assertThat(status(first)).isEqualTo("UNANSWERED");

        clock.advance(Duration.ofMinutes(1));
        assertThat(lateAnswers.answerWaiting()).as("still no model").isZero();
        assertThat(status(first)).as("set aside for a while, not given up").isEqualTo("ANSWERING");
        clock.advance(LateAnswers.RETRY_AFTER.plusSeconds(1));

        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "How about Miso?", 300, 20, 0, 0)));
        assertThat(lateAnswers.answerWaiting()).isEqualTo(2);
        assertThat(lateAnswers.answerWaiting()).isZero();

        assertThat(status(first)).isEqualTo("ANSWERED");
        assertThat(status(second)).isEqualTo("ANSWERED");
        JsonNode inbox = api.get("/api/v1/inbox?userId=" + user).json().get("messages");
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).asString()).startsWith("Earlier you asked: \u201cwhat's a good name for a cat?\u201d")
                .contains("How about Miso?");
        assertThat(inbox.get(1).asString()).startsWith("Earlier you asked: \u201cand for a dog?\u201d");
        assertThat(api.get("/api/v1/inbox?userId=" + user).json().get("messages")).isEmpty();
        assertThat(requestsFor(ANTHROPIC_PATH, CHEAP).stream().filter(r -> r.getBodyAsString().contains("for a dog?")))
                .as("each answered once").hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memory_jobs WHERE message_id IN (?, ?) AND reply_text IS NOT NULL")
                .params(first, second).query(Long.class).single()).as("their memory jobs, with the answer").isEqualTo(2);
    }

    @Test
    void messagesOlderThanTheMaximumAgeGetOneNoticeInsteadOfAFlood() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicError(529, "overloaded_error")));
        for (int i = 0; i < 3; i++) {
            api.message(user, "old question number " + i);
        }
        clock.advance(Duration.ofHours(25));
        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "late", 300, 20, 0, 0)));

        lateAnswers.answerWaiting();

        JsonNode inbox = api.get("/api/v1/inbox?userId=" + user).json().get("messages");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).asString()).contains("3 messages", "won't now", "old question number 0", "old question number 2");
        assertThat(requestsFor(ANTHROPIC_PATH, CHEAP).stream().filter(r -> r.getBodyAsString().contains("old question")))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE user_id = ? AND status = 'EXPIRED'").param(user)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void twentyUnansweredMessagesDoNotFloodTheNextPrompt() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Sure.", 300, 20, 0, 0)));
        api.message(user, "hello there");
        int normal = requestsFor(ANTHROPIC_PATH, CHEAP).getLast().getBodyAsString().length();

        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicError(529, "overloaded_error")));
        for (int i = 0; i < 20; i++) {
            api.message(user, "message " + i + " " + "x".repeat(2_000));
        }
        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Sure.", 300, 20, 0, 0)));
        api.message(user, "hello again");

        int after = requestsFor(ANTHROPIC_PATH, CHEAP).getLast().getBodyAsString().length();
        assertThat(after).isLessThanOrEqualTo(2 * normal);
    }

    private String status(String messageId) {
        return jdbc.sql("SELECT status FROM messages WHERE id = ?").param(messageId).query(String.class).single();
    }
}
