package dev.mnemo.backup;

import java.time.Instant;
import java.util.Map;

/** One archive written: where, when, how many rows of each table, and which old archives retention removed. */
public record BackupResult(String location, Instant createdAt, Map<String, Long> rows, long bytes, int removed) {
}
