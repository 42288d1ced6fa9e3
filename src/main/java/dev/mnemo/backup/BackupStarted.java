package dev.mnemo.backup;

import java.time.Instant;

/** A backup began: its run is recorded as {@code RUNNING} until {@link BackupCompleted} (a killed one stays so). */
public record BackupStarted(String runId, Instant startedAt) {
}
