package dev.mnemo.proactive;

import static dev.mnemo.testing.SmsApp.ALICE_PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.testing.Instances;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeTwilio;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import dev.mnemo.testing.TestDatabases;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "/remind tomorrow 9am …" over SMS, the application stopped and started again on the same data, then the
 * clock reaches 9:00 in the person's zone: the reminder goes out once, by SMS, and never again.
 */
class ReminderAcrossRestartTest {
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private final MutableClock clock = new MutableClock(TestClockConfiguration.START); // Sunday 10:00 UTC = 10:00 Lisbon
    private final String dataDir = TestDatabases.sqliteDataDir().resolve("restart-" + UUID.randomUUID()).toString();

    @Test
    void aReminderForTomorrow9amFiresOnceAtThatTimeThroughTheUsersChannelAfterARestart() {
        FakeModelServer.reset();
        FakeTwilio.acceptMessages();
        try (ConfigurableApplicationContext first = start()) {
            String reply = first.getBean(Conversation.class)
                    .handle(new InboundMessage("alice", Channel.SMS, "/remind tomorrow 9am call mom")).text();
            assertThat(reply).isEqualTo("I'll remind you: call mom, Mon 16 Nov 2026, 09:00 (Europe/Lisbon).");
        }
        try (ConfigurableApplicationContext second = start()) {
            ReminderDelivery delivery = second.getBean(ReminderDelivery.class);
            clock.set(Instant.parse("2026-11-16T08:59:00Z"));
            assertThat(delivery.deliverDue()).isZero();

            clock.set(Instant.parse("2026-11-16T09:00:00Z")); // 09:00 in Lisbon (UTC+0 in November)
            assertThat(delivery.deliverDue()).isEqualTo(1);
            clock.set(Instant.parse("2026-11-16T09:05:00Z"));
            assertThat(delivery.deliverDue()).isZero();
        }
        assertThat(FakeTwilio.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.get("To")).isEqualTo(ALICE_PHONE);
            assertThat(sms.get("Body")).isEqualTo("Reminder: call mom");
        });
    }

    private ConfigurableApplicationContext start() {
        return Instances.start(clock, dataDir,
                "assistant.user.time-zone=" + LISBON.getId(),
                "assistant.twilio.account-sid=" + FakeTwilio.ACCOUNT_SID,
                "assistant.twilio.auth-token=" + FakeTwilio.AUTH_TOKEN,
                "assistant.twilio.from-number=" + FakeTwilio.FROM,
                "assistant.twilio.api-base-url=" + FakeModelServer.baseUrl(),
                "assistant.channels.public-url=https://mnemo.example.com",
                "assistant.channels.allowed-senders=sms:" + ALICE_PHONE + "=alice");
    }
}
