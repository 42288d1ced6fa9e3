package dev.mnemo.proactive;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static dev.mnemo.testing.SmsApp.ALICE_PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeTwilio;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SmsApp;
import dev.mnemo.user.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Check-ins: about a remembered plan, outside quiet hours, once a day, not while the person is talking, never two
 * without an answer between them.
 */
@SmsApp
class CheckInsTest {
    private static final String CHECK_IN = "Hi! How is the half-marathon training going?";

    @Autowired
    CheckIns checkIns;
    @Autowired
    MemoryIntake memory;
    @Autowired
    UserSettings settings;
    @Autowired
    Conversation conversation;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPlanMentionedEarlierBecomesOneCheckInADayOutsideQuietHoursAndNotWhileTalking() {
        FakeModelServer.reset();
        FakeTwilio.acceptMessages();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("writing first to the person"))
                .willReturn(anthropicReply(CHEAP, CHECK_IN, 120, 15, 0, 0)));
        settings.setTimeZone("alice", ZoneId.of("Europe/Lisbon"));
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30));
        clock.set(day.plus(Duration.ofHours(8)));
        memory.remember("alice", "I'm planning to run a half marathon in March", null);

        clock.set(day.plus(Duration.ofHours(22)).plus(Duration.ofMinutes(30))); // 22:30 in Lisbon: quiet
        assertThat(checkIns.runDue()).isZero();

        clock.set(day.plus(Duration.ofDays(1)).plus(Duration.ofHours(15))); // 15:00 the next day
        conversation.handle(new InboundMessage("alice", Channel.SMS, "/cost")); // she is talking right now
        assertThat(checkIns.runDue()).isZero();

        clock.set(day.plus(Duration.ofDays(2)).plus(Duration.ofHours(15)));
        assertThat(checkIns.runDue()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        assertThat(checkIns.runDue()).isZero(); // at most one a day

        assertThat(FakeTwilio.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.get("To")).isEqualTo(ALICE_PHONE); // where she last wrote from
            assertThat(sms.get("Body")).isEqualTo(CHECK_IN);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM checkins WHERE user_id = 'alice'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void noCheckInFollowsAnUnansweredOneSoNothingIsSentOrSpentWhileThePersonIsAway() {
        FakeModelServer.reset();
        FakeTwilio.acceptMessages();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("writing first to the person"))
                .willReturn(anthropicReply(CHEAP, CHECK_IN, 120, 15, 0, 0)));
        settings.setTimeZone("alice", ZoneId.of("Europe/Lisbon"));
        Instant start = clock.instant();
        try {
            Instant day = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(90));
            clock.set(day.plus(Duration.ofHours(8)));
            conversation.handle(new InboundMessage("alice", Channel.SMS, "/cost")); // she answers whatever came before
            memory.remember("alice", "I'm planning to repaint the kitchen in May", null);
            memory.remember("alice", "We're going to visit Rome in June", null);

            clock.set(day.plus(Duration.ofHours(15)));
            assertThat(checkIns.runDue()).isEqualTo(1);
            for (int later = 1; later <= 3; later++) {
                clock.set(day.plus(Duration.ofDays(later)).plus(Duration.ofHours(15)));
                assertThat(checkIns.runDue()).as("day %d, no answer yet", later).isZero();
            }
            conversation.handle(new InboundMessage("alice", Channel.SMS, "/cost"));
            clock.set(day.plus(Duration.ofDays(4)).plus(Duration.ofHours(15)));
            assertThat(checkIns.runDue()).as("she wrote again").isEqualTo(1);
        } finally {
            // What this test wrote three months ahead would stand in the way of every later check-in of alice's.
            long from = start.toEpochMilli();
            jdbc.sql("DELETE FROM checkins WHERE user_id = 'alice' AND sent_at > ?").param(from).update();
            jdbc.sql("DELETE FROM messages WHERE user_id = 'alice' AND created_at > ?").param(from).update();
            clock.set(start);
        }
    }
}
