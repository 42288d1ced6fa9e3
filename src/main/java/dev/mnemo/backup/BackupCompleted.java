package dev.mnemo.backup;

import java.time.Instant;

/**
 * A backup finished, well or not. Its {@code backup_runs} row, log line and metrics are written by a
 * listener of this event.
 *
 * @param location where the archive went (null when it failed)
 * @param error    why it failed (null when it succeeded), without secrets: the target's own message
 */
public record BackupCompleted(String runId, Instant startedAt, Instant finishedAt, Outcome outcome, String location, long bytes,
                              int tables, int removed, boolean encrypted, String error) {

    public enum Outcome {
        OK, FAILED
    }
}
