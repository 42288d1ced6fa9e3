package dev.mnemo.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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

    Instant clockBefore;

    @BeforeEach
    void newUser() {
        user = "reminders-" + UUID.randomUUID();
        clockBefore = clock.instant();
        clock.set(TestClockConfiguration.START);
    }

    /** The clock is the context's: the next test class finds it where this one found it. */
    @AfterEach
    void restoreTheClock() {
        clock.set(clockBefore);
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

    /**
     * Claims go by due time over every user's reminders: these tests live before anyone else's (2000-01-01), so that
     * only their own reminders are due.
     */
    private Instant early(int minutes) {
        return Instant.parse("2000-01-01T00:00:00Z").plus(Duration.ofMinutes(minutes));
    }

    @Test
    void dueRemindersAreClaimedOneAtATimeSoonestFirstAndADeliveredOneIsDone() {
        clock.set(early(0));
        Reminder first = reminders.schedule(user, "first", early(1), LISBON, Recurrence.NONE, null);
        Reminder second = reminders.schedule(user, "second", early(2), LISBON, Recurrence.NONE, null);

        assertThat(reminders.claimNext(early(0).plusSeconds(30))).as("nothing due yet").isEmpty();
        clock.set(early(5));
        Reminder claimed = reminders.claimNext(early(5)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(first.id());
        assertThat(claimed.status()).isEqualTo(Reminder.Status.SENDING);
        Reminder claimedSecond = reminders.claimNext(early(5)).orElseThrow();
        assertThat(claimedSecond.id()).isEqualTo(second.id());
        assertThat(reminders.claimNext(early(5))).as("each is claimed once").isEmpty();
        assertThat(reminders.pending(user)).as("claimed ones are not pending").isEmpty();

        reminders.delivered(claimed);
        reminders.deliveryUncertain(claimedSecond);
        assertThat(reminders.claimNext(early(60))).as("sent and uncertain ones are never claimed again").isEmpty();
        assertThat(reminders.pending(user)).isEmpty();
        assertThat(reminders.cancel(user, first.id())).isEmpty();
    }

    @Test
    void aRefusedDeliveryIsRetriedAtItsTimeUntilTheAttemptsRunOut() {
        clock.set(early(10));
        Reminder reminder = reminders.schedule(user, "retry me", early(11), LISBON, Recurrence.NONE, null);
        clock.set(early(12));
        Reminder claimed = reminders.claimNext(early(12)).orElseThrow();

        reminders.deliveryFailed(claimed, early(20));
        assertThat(reminders.pending(user)).extracting(Reminder::id).containsExactly(reminder.id());
        assertThat(reminders.claimNext(early(15))).as("not before its retry time").isEmpty();
        for (int attempt = 2; attempt < Reminders.MAX_ATTEMPTS; attempt++) {
            Reminder again = reminders.claimNext(early(20 + attempt * 10)).orElseThrow();
            assertThat(again.id()).isEqualTo(reminder.id());
            reminders.deliveryFailed(again, early(21 + attempt * 10));
        }
        Reminder last = reminders.claimNext(early(200)).orElseThrow();
        reminders.deliveryFailed(last, early(210));

        assertThat(reminders.pending(user)).as("failed after " + Reminders.MAX_ATTEMPTS + " attempts").isEmpty();
        assertThat(reminders.claimNext(early(300))).isEmpty();
    }

    @Test
    void aRepeatingReminderComesBackAtItsNextOccurrenceWhateverTheOutcome() {
        clock.set(early(30));
        Reminder daily = reminders.schedule(user, "pills", early(31), LISBON, Recurrence.DAILY, null);
        clock.set(early(32));
        reminders.delivered(reminders.claimNext(early(32)).orElseThrow());
        assertThat(reminders.pending(user)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(daily.id());
            assertThat(r.dueAt()).isEqualTo(early(31).plus(Duration.ofDays(1)));
        });

        clock.set(early(31).plus(Duration.ofDays(1)).plusSeconds(60));
        reminders.deliveryUncertain(reminders.claimNext(clock.instant()).orElseThrow());
        assertThat(reminders.pending(user)).singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(early(31).plus(Duration.ofDays(2))));
        reminders.cancel(user, daily.id());
    }

    @Test
    void aClaimCutShortByACrashIsNeverSentAgain() {
        clock.set(early(40));
        Reminder reminder = reminders.schedule(user, "crash", early(41), LISBON, Recurrence.NONE, null);
        clock.set(early(42));
        assertThat(reminders.claimNext(early(42))).isPresent();

        assertThat(reminders.abandonStaleClaims(early(42))).as("a claim of this very moment is not stale").isZero();
        clock.set(early(50));
        assertThat(reminders.abandonStaleClaims(early(45))).isEqualTo(1);

        assertThat(reminders.claimNext(early(100))).isEmpty();
        assertThat(reminders.pending(user)).isEmpty();
        assertThat(reminders.cancel(user, reminder.id())).isEmpty();
    }

    @Test
    void twoClaimersRacingNeverGetTheSameReminder() throws Exception {
        clock.set(early(60));
        Set<String> scheduled = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            scheduled.add(reminders.schedule(user, "race " + i, early(61).plusSeconds(i), LISBON, Recurrence.NONE, null).id());
        }
        clock.set(early(70));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<String>> claimer = () -> {
            start.await(10, TimeUnit.SECONDS);
            List<String> mine = new ArrayList<>();
            for (Optional<Reminder> next = reminders.claimNext(early(70)); next.isPresent(); next = reminders.claimNext(early(70))) {
                mine.add(next.get().id());
                reminders.delivered(next.get());
            }
            return mine;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> a = two.submit(claimer);
            Future<List<String>> b = two.submit(claimer);
            List<String> all = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
            all.addAll(b.get(60, TimeUnit.SECONDS));
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(scheduled);
        } finally {
            two.shutdownNow();
        }
    }
}
