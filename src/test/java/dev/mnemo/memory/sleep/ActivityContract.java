package dev.mnemo.memory.sleep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who is idle and who has been consolidated, the same on every database; a consolidation is claimed once. */
abstract class ActivityContract {
    private static final long IDLE = Duration.ofMinutes(30).toMillis();

    @Autowired
    Activity activity;
    @Autowired
    MutableClock clock;
    Instant clockBefore;
    String user;

    @BeforeEach
    void setUp() {
        clockBefore = clock.instant();
        user = "activity-" + UUID.randomUUID();
    }

    @AfterEach
    void restoreTheClock() {
        clock.set(clockBefore);
    }

    @Test
    void anIdleUserIsConsolidatedOnceUntilActiveAgain() {
        activity.touch(user);
        assertThat(activity.idleSinceLastSleep(IDLE)).as("active just now").doesNotContain(user);
        clock.advance(Duration.ofMinutes(31));
        assertThat(activity.idleSinceLastSleep(IDLE)).contains(user);
        assertThat(activity.everyone()).contains(user);

        assertThat(activity.claimIdle(user)).isTrue();
        assertThat(activity.claimIdle(user)).as("another instance, a moment later").isFalse();
        assertThat(activity.idleSinceLastSleep(IDLE)).doesNotContain(user);

        clock.advance(Duration.ofMinutes(1));
        activity.touch(user);
        activity.touch(user); // one row per user, whatever the number of messages
        clock.advance(Duration.ofMinutes(31));
        assertThat(activity.idleSinceLastSleep(IDLE)).containsOnlyOnce(user);
        assertThat(activity.claimIdle(user)).isTrue();
    }

    @Test
    void theNightlyRunClaimsAUserNotConsolidatedSinceItsCutOff() {
        activity.touch(user);
        clock.advance(Duration.ofHours(1));
        long cutOff = clock.millis();
        clock.advance(Duration.ofMinutes(1));

        assertThat(activity.claimSince(user, cutOff)).isTrue();
        assertThat(activity.claimSince(user, cutOff)).as("already consolidated after the cut-off").isFalse();
        assertThat(activity.claimIdle(user)).as("nothing new since").isFalse();
        assertThat(activity.claimSince("nobody-" + user, cutOff)).as("a user never seen").isFalse();
    }

    @Test
    void theNightlyRunSkipsAUserAnIdleRunJustConsolidatedAndTakesThemAgainTheNextNight() {
        activity.touch(user);
        clock.advance(Duration.ofMinutes(31));
        long before = clock.millis() - 1;
        assertThat(activity.claimIdle(user)).isTrue();
        long after = clock.millis() + 1;

        assertThat(activity.claimSince(user, before)).as("consolidated after the cut-off").isFalse();
        assertThat(activity.claimSince(user, after)).as("consolidated before the cut-off").isTrue();
        clock.advance(Duration.ofHours(24));
        assertThat(activity.claimSince(user, clock.millis() - Duration.ofHours(12).toMillis())).as("the next night").isTrue();
    }
}
