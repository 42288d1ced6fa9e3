package dev.mnemo.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reminder store behaves the same on every database adapter. */
abstract class RemindersContract {
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired
    Reminders reminders;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
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
     * only their own reminders are due, and each cancels what it left pending or claimed (see {@link #cancelWhatIsLeft}).
     */
    private static Instant early(int minutes) {
        return Instant.parse("2000-01-01T00:00:00Z").plus(Duration.ofMinutes(minutes));
    }

    /** One test's failure must not leave due reminders for the next one's claims. */
    @AfterEach
    void cancelWhatIsLeft() {
        jdbc.sql("UPDATE reminders SET status = 'CANCELLED' WHERE user_id = ? AND status IN ('PENDING', 'SENDING')")
                .param(user).update();
    }

    private Reminder claimOwn(Instant now) {
        Reminder claimed = reminders.claimNext(now).orElseThrow(() -> new AssertionError("nothing due at " + now));
        assertThat(claimed.userId()).as("a claim of this test's own reminder").isEqualTo(user);
        return claimed;
    }

    private String status(Reminder reminder) {
        return jdbc.sql("SELECT status FROM reminders WHERE id = ?").param(reminder.id()).query(String.class).single();
    }

    @Test
    void dueRemindersAreClaimedOneAtATimeSoonestFirstAndEachEndsAsItWent() {
        clock.set(early(0));
        Reminder later = reminders.schedule(user, "later", early(2), LISBON, Recurrence.NONE, null);
        Reminder sooner = reminders.schedule(user, "sooner", early(1), LISBON, Recurrence.NONE, null);

        assertThat(reminders.claimNext(early(0).plusSeconds(30))).as("nothing due yet").isEmpty();
        clock.set(early(5));
        Reminder first = claimOwn(early(5));
        assertThat(first.id()).as("soonest first, not first scheduled").isEqualTo(sooner.id());
        assertThat(first.status()).isEqualTo(Reminder.Status.SENDING);
        assertThat(status(first)).isEqualTo("SENDING");
        Reminder second = claimOwn(early(5));
        assertThat(second.id()).isEqualTo(later.id());
        assertThat(reminders.claimNext(early(5))).as("each is claimed once").isEmpty();
        assertThat(reminders.pending(user)).as("claimed ones are not pending").isEmpty();

        reminders.delivered(first);
        reminders.deliveryUncertain(second);
        assertThat(status(first)).isEqualTo("SENT");
        assertThat(status(second)).isEqualTo("UNCERTAIN");
        assertThat(reminders.claimNext(early(60))).as("sent and uncertain ones are never claimed again").isEmpty();
        assertThat(reminders.cancel(user, sooner.id())).isEmpty();
    }

    @Test
    void aRefusedDeliveryIsRetriedAtItsRetryTimeKeepingItsOccurrenceUntilTheAttemptsRunOut() {
        clock.set(early(10));
        Reminder reminder = reminders.schedule(user, "retry me", early(11), LISBON, Recurrence.NONE, null);
        clock.set(early(12));
        reminders.deliveryFailed(claimOwn(early(12)), early(20));

        assertThat(reminders.pending(user)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(reminder.id());
            assertThat(r.dueAt()).as("the occurrence is unchanged; only the retry waits").isEqualTo(early(11));
        });
        assertThat(reminders.claimNext(early(15))).as("not before its retry time").isEmpty();
        // A reminder simply due comes before one whose retry is later, whatever their occurrences.
        Reminder plain = reminders.schedule(user, "plain", early(16), LISBON, Recurrence.NONE, null);
        assertThat(claimOwn(early(25)).id()).as("due at 16 before retried at 20").isEqualTo(plain.id());
        for (int attempt = 2; attempt <= Reminders.MAX_ATTEMPTS; attempt++) {
            Reminder again = claimOwn(early(20 + attempt * 10));
            assertThat(again.id()).isEqualTo(reminder.id());
            reminders.deliveryFailed(again, early(21 + attempt * 10));
        }

        assertThat(status(reminder)).as("failed after " + Reminders.MAX_ATTEMPTS + " attempts").isEqualTo("FAILED");
        assertThat(reminders.pending(user)).isEmpty();
        assertThat(reminders.claimNext(early(300))).isEmpty();
    }

    @Test
    void aDailyReminderKeepsItsLocalTimeAcrossTheClockChangeAndSkipsWhatWasMissed() {
        // Lisbon moves from UTC to UTC+1 on 26 March 2000, 01:00 UTC: 09:00 local is 09:00Z, then 08:00Z.
        Instant morning = Instant.parse("2000-03-25T09:00:00Z");
        clock.set(morning.minusSeconds(60));
        Reminder daily = reminders.schedule(user, "pills", morning, LISBON, Recurrence.DAILY, null);
        clock.set(morning.plusSeconds(60));
        reminders.delivered(claimOwn(clock.instant()));
        assertThat(reminders.pending(user)).singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(Instant.parse("2000-03-26T08:00:00Z")));
        assertThat(status(daily)).isEqualTo("PENDING");

        // The server was down for three days: the next one is the first after now, not the ones missed.
        clock.set(Instant.parse("2000-03-29T12:00:00Z"));
        reminders.deliveryUncertain(claimOwn(clock.instant()));
        assertThat(reminders.pending(user)).singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(Instant.parse("2000-03-30T08:00:00Z")));
    }

    @Test
    void aMonthlyReminderOnThe31stComesBackToThe31stAndOneThatKeepsFailingMovesOn() {
        Instant first = Instant.parse("2000-01-31T10:00:00Z");
        clock.set(first.minusSeconds(60));
        reminders.schedule(user, "rent", first, ZoneOffset.UTC, Recurrence.MONTHLY, null);
        clock.set(first.plusSeconds(60));
        reminders.delivered(claimOwn(clock.instant()));
        assertThat(reminders.pending(user).getFirst().dueAt()).isEqualTo(Instant.parse("2000-02-29T10:00:00Z"));

        clock.set(Instant.parse("2000-02-29T10:01:00Z"));
        for (int attempt = 1; attempt <= Reminders.MAX_ATTEMPTS; attempt++) {
            reminders.deliveryFailed(claimOwn(clock.instant()), clock.instant());
        }
        assertThat(reminders.pending(user)).as("after the last refusal, the next occurrence, from the anchor")
                .singleElement().satisfies(r -> assertThat(r.dueAt()).isEqualTo(Instant.parse("2000-03-31T10:00:00Z")));
        assertThat(reminders.claimNext(clock.instant())).as("its attempts start again, at the next occurrence").isEmpty();
    }

    @Test
    void aClaimCutShortByACrashIsNeverSentAgain() {
        clock.set(early(40));
        Reminder reminder = reminders.schedule(user, "crash", early(41), LISBON, Recurrence.NONE, null);
        clock.set(early(42));
        claimOwn(early(42));

        assertThat(reminders.abandonStaleClaims(early(42))).as("a claim of this very moment is not stale").isZero();
        clock.set(early(50));
        assertThat(reminders.abandonStaleClaims(early(45))).isEqualTo(1);

        assertThat(status(reminder)).isEqualTo("UNCERTAIN");
        assertThat(reminders.claimNext(early(100))).isEmpty();
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
