package dev.mnemo.memory;

import java.time.Instant;

/**
 * An earlier version of a memory: what was believed from {@code validFrom} until {@code validTo}, and why
 * it was replaced.
 */
public record MemoryVersion(String text, MemoryKind kind, int importance, Instant validFrom, Instant validTo,
                            VersionReason reason) {
}
