package dev.mnemo.vault;

import java.time.Instant;

/**
 * A memory was changed both in the vault and elsewhere (chat, the API) since the last sync: Mnemo kept its own
 * version in the memory and wrote the vault's into a conflict note, and the person should hear of it.
 *
 * @param note the conflict note's path inside Mnemo's folder
 */
public record VaultConflictFound(String userId, String memoryId, String note, Instant at) {
}
