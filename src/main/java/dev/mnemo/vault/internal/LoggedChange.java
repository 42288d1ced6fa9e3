package dev.mnemo.vault.internal;

import java.time.Instant;

/**
 * One line of the vault's log: a change to a memory ({@code memoryId}), or {@code count} memories forgotten or
 * purged (no id, no text: they are gone).
 */
record LoggedChange(Instant at, Change change, String memoryId, int count) {
}
