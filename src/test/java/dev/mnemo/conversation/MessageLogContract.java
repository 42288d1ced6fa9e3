package dev.mnemo.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.cost.TokenUsage;
import dev.mnemo.llm.ChatTurn;
import dev.mnemo.routing.Route;
import dev.mnemo.routing.RouteDecision;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored conversation behaves the same on every database adapter. */
abstract class MessageLogContract {
    private static final RouteDecision SIMPLE = new RouteDecision(Route.SIMPLE, "test");
    private static final RouteDecision COMMAND = new RouteDecision(Route.COMMAND, "slash command");

    @Autowired
    MessageLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    String user;

    @BeforeEach
    void newUser() {
        user = "log-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void inboundMessageIsStoredWithUserChannelTextAndTimeAsUnanswered() {
        InboundMessage message = new InboundMessage(user, Channel.SMS, "Remember the milk");
        String id = log.saveInbound(message);

        Map<String, Object> row = jdbc.sql("SELECT * FROM messages WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("user_id", user).containsEntry("channel", "sms")
                .containsEntry("direction", "IN").containsEntry("text", "Remember the milk")
                .containsEntry("status", "UNANSWERED");
        assertThat(((Number) row.get("created_at")).longValue()).isEqualTo(clock.millis());
    }

    @Test
    void aModelReplyIsStoredWithRouteModelTokensAndCostAndAnswersTheMessage() {
        InboundMessage message = new InboundMessage(user, Channel.API, "hi");
        String id = log.saveInbound(message);
        log.saveRoute(id, SIMPLE);
        log.saveReply(id, message, "Hello!", SIMPLE, "claude-haiku-4-5", new TokenUsage(100, 20, 30, 5),
                new BigDecimal("0.000123456"), true);

        assertThat(status(id)).isEqualTo("ANSWERED");
        Map<String, Object> reply = jdbc.sql("SELECT * FROM messages WHERE in_reply_to = ?").param(id).query().singleRow();
        assertThat(reply).containsEntry("direction", "OUT").containsEntry("text", "Hello!")
                .containsEntry("route", "SIMPLE").containsEntry("model", "claude-haiku-4-5");
        assertThat(((Number) reply.get("input_tokens")).longValue()).isEqualTo(135);
        assertThat(((Number) reply.get("output_tokens")).longValue()).isEqualTo(20);
        assertThat(((Number) reply.get("cost_nanos")).longValue()).isEqualTo(123_456);
    }

    @Test
    void aLateAnswerClaimIsALeaseThatOnlyRunsOutNeverGetsStolen() {
        InboundMessage message = new InboundMessage(user, Channel.SMS, "what's the time in Lima?");
        String id = log.saveInbound(message);
        clock.advance(Duration.ofMinutes(1));
        assertThat(log.unanswered(Instant.EPOCH, clock.instant(), 100_000)).extracting(MessageLog.Unanswered::id).contains(id);

        assertThat(log.claim(id, "instance-a", clock.instant().plusSeconds(45))).isTrue();
        assertThat(log.claim(id, "instance-b", clock.instant().plusSeconds(45))).as("a live lease").isFalse();
        assertThat(log.unanswered(Instant.EPOCH, clock.instant(), 100_000)).extracting(MessageLog.Unanswered::id).doesNotContain(id);

        clock.advance(Duration.ofSeconds(46)); // instance-a died: its lease ran out
        assertThat(log.claim(id, "instance-b", clock.instant().plusSeconds(45))).isTrue();
        assertThat(log.endClaim(id, "instance-a", MessageLog.ANSWERED)).as("the old holder stores nothing").isFalse();
        assertThat(log.endClaim(id, "instance-b", MessageLog.ANSWERED)).isTrue();
        assertThat(status(id)).isEqualTo("ANSWERED");
        assertThat(log.claim(id, "instance-c", clock.instant().plusSeconds(45))).as("answered: never again").isFalse();
    }

    @Test
    void aNoticeLeavesTheMessageUnanswered() {
        InboundMessage message = new InboundMessage(user, Channel.API, "hi");
        String id = log.saveInbound(message);
        log.saveReply(id, message, "I couldn't reach my model", SIMPLE, null, null, BigDecimal.ZERO, false);

        assertThat(status(id)).isEqualTo("UNANSWERED");
    }

    @Test
    void historyIsTheLastTurnsOldestFirstWithoutCommandsNoticesOrUnansweredMessages() {
        exchange("first question", "first answer", SIMPLE, "m");
        exchange("/cost", "This month: $0", COMMAND, null);
        exchange("unanswered one", "I couldn't reach my model", SIMPLE, null);
        exchange("second question", "second answer", SIMPLE, "m");
        String current = log.saveInbound(new InboundMessage(user, Channel.API, "current"));

        assertThat(log.history(user, current, 10, Instant.EPOCH)).containsExactly(
                ChatTurn.user("first question"), ChatTurn.assistant("first answer"),
                ChatTurn.user("second question"), ChatTurn.assistant("second answer"));
        assertThat(log.history(user, current, 2, Instant.EPOCH)).containsExactly(
                ChatTurn.user("second question"), ChatTurn.assistant("second answer"));
        assertThat(log.history(user, current, 0, Instant.EPOCH)).isEmpty();
    }

    @Test
    void historyIsOnlyTheRecentConversation() {
        exchange("yesterday's question", "yesterday's answer", SIMPLE, "m");
        clock.advance(Duration.ofHours(20));
        Instant morning = clock.instant();
        exchange("today's question", "today's answer", SIMPLE, "m");
        String current = log.saveInbound(new InboundMessage(user, Channel.API, "now"));

        assertThat(log.history(user, current, 10, morning)).extracting(ChatTurn::text)
                .containsExactly("today's question", "today's answer");
    }

    @Test
    void theHistoryWindowMovesInHalfSteps() {
        // A prompt cache serves the longest shared beginning: the window's start may only move every few messages.
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            exchange("q" + i, "a" + i, SIMPLE, "m");
            String current = log.saveInbound(new InboundMessage(user, Channel.API, "now"));
            log.saveRoute(current, COMMAND); // keeps it out of the next rounds' history
            List<ChatTurn> history = log.history(user, current, 6, Instant.EPOCH);
            assertThat(history.size()).isBetween(Math.min(2 * i + 2, 4), 6);
            starts.add(history.getFirst().text());
        }
        assertThat(starts).containsExactly("q0", "q0", "q0", "a1", "q3", "q3");
    }

    @Test
    void historyKeepsOrderUnderAStoppedClockAndNeverMixesUsers() {
        for (int i = 0; i < 5; i++) {
            exchange("q" + i, "a" + i, SIMPLE, "m");
        }
        String other = "other-" + UUID.randomUUID();
        log.saveInbound(new InboundMessage(other, Channel.API, "someone else's secret"));
        String current = log.saveInbound(new InboundMessage(user, Channel.API, "now"));

        assertThat(log.history(user, current, 4, Instant.EPOCH)).extracting(ChatTurn::text).containsExactly("q3", "a3", "q4", "a4");
        assertThat(log.history(user, current, 100, Instant.EPOCH)).extracting(ChatTurn::text).doesNotContain("someone else's secret");
    }

    @Test
    void textRoundTripsExactly() {
        String text = "Ana's café ☕ \"quoted\" 'single' \\ back\\slash; DROP TABLE messages; -- 😀 " + "ü".repeat(15_900);
        String id = log.saveInbound(new InboundMessage(user, Channel.WEB, text));

        assertThat(jdbc.sql("SELECT text FROM messages WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(text);
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM messages WHERE id = ?").param(id).query(String.class).single();
    }

    private void exchange(String question, String answer, RouteDecision decision, String model) {
        InboundMessage message = new InboundMessage(user, Channel.API, question);
        String id = log.saveInbound(message);
        log.saveRoute(id, decision);
        clock.advance(Duration.ofSeconds(1));
        log.saveReply(id, message, answer, decision, model, null, BigDecimal.ZERO, model != null || decision == COMMAND);
    }
}
