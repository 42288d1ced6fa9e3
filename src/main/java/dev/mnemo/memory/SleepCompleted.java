package dev.mnemo.memory;

import java.time.Instant;

/**
 * One user's sleep finished: what it did. The run's row, its log line and its metrics are written by
 * listeners of this event.
 *
 * @param trigger what started it ({@code nightly}, {@code idle}, {@code manual})
 */
public record SleepCompleted(String userId, String trigger, Instant startedAt, Instant finishedAt, int decayed,
                             int merged, int summarised, int pruned, int purged) {
}
