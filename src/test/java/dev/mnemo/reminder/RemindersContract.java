package dev.mnemo.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reminder store behaves the same on every database adapter. */
abstract class RemindersContract {
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired
    Reminders reminders;
    @Autowired
    MutableClock clock;
    String user;

    @BeforeEach
    void newUser() {
        user = "reminders-" + UUID.randomUUID();
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void keepsPendingRemindersSoonestFirstAndOnlyTheOwnersOnes() {
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        Reminder later = reminders.schedule(user, "water the plants", tomorrow.plus(Duration.ofHours(2)), LISBON, Recurrence.WEEKLY, null);
        Reminder sooner = reminders.schedule(user, "call mom", tomorrow, LISBON, Recurrence.NONE, "m1");
        reminders.schedule("other-" + user, "someone else's", tomorrow, LISBON, Recurrence.NONE, null);

        assertThat(reminders.pending(user)).containsExactly(sooner, later);
        assertThat(reminders.cancel("other-" + user, sooner.id())).isEmpty();
        assertThat(reminders.reschedule("other-" + user, sooner.id(), tomorrow.plusSeconds(60))).isEmpty();
        assertThat(reminders.pending(user)).containsExactly(sooner, later);
    }

    @Test
    void cancelsAndMovesOnlyPendingOnes() {
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        Reminder reminder = reminders.schedule(user, "dentist", tomorrow, LISBON, Recurrence.NONE, null);

        assertThat(reminders.reschedule(user, reminder.id(), tomorrow.plus(Duration.ofHours(3))))
                .hasValueSatisfying(r -> assertThat(r.dueAt()).isEqualTo(tomorrow.plus(Duration.ofHours(3))));
        assertThat(reminders.cancel(user, reminder.id()))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(Reminder.Status.CANCELLED));
        assertThat(reminders.cancel(user, reminder.id())).isEmpty();
        assertThat(reminders.reschedule(user, reminder.id(), tomorrow)).isEmpty();
        assertThat(reminders.pending(user)).isEmpty();
    }

    @Test
    void refusesPastTimesAndBadTextsStoringNothing() {
        assertThatThrownBy(() -> reminders.schedule(user, "too late", clock.instant(), LISBON, Recurrence.NONE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already passed");
        assertThatThrownBy(() -> reminders.schedule(user, "  ", clock.instant().plusSeconds(60), LISBON, Recurrence.NONE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reminders.schedule(user, "x".repeat(Reminders.MAX_TEXT + 1), clock.instant().plusSeconds(60),
                LISBON, Recurrence.NONE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reminders.pending(user)).isEmpty();
    }
}
