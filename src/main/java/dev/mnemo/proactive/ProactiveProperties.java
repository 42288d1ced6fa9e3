package dev.mnemo.proactive;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param background  run the schedulers (tests drive them by hand, on their clock)
 * @param claimLease  a reminder claimed longer ago than this was cut short by a crash
 * @param checkIns    Mnemo writing first, from what the person said they planned
 */
@ConfigurationProperties("assistant.proactive")
record ProactiveProperties(boolean background, Duration reminderPoll, Duration claimLease, CheckIns checkIns) {

    /**
     * @param perDay           at most this many check-ins a day per person (their local day)
     * @param minGap           at least this long between two check-ins
     * @param quietStart       no check-in from this local time…
     * @param quietEnd         …until this one
     * @param skipIfSpokeWithin no check-in when the person wrote this recently: they are talking already
     * @param memoriesFrom     what a check-in may ask about: plans and events remembered this recently
     */
    record CheckIns(boolean enabled, Duration poll, int perDay, Duration minGap, LocalTime quietStart, LocalTime quietEnd,
                    Duration skipIfSpokeWithin, Duration memoriesFrom) {
        CheckIns {
            if (perDay < 0) {
                throw new IllegalArgumentException("ASSISTANT_CHECKINS_PER_DAY must be 0 or more");
            }
        }

        /** Quiet from start (inclusive) to end; equal start and end mean no quiet hours. */
        boolean quiet(LocalTime time) {
            return quiet(time, quietStart, quietEnd);
        }

        static boolean quiet(LocalTime time, LocalTime quietStart, LocalTime quietEnd) {
            if (quietStart.equals(quietEnd)) {
                return false;
            }
            return quietStart.isBefore(quietEnd)
                    ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                    : !time.isBefore(quietStart) || time.isBefore(quietEnd);
        }
    }
}
