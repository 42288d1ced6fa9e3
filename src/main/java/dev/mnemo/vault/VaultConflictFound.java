package dev.mnemo.vault;

import java.time.Instant;

/**
 * A memory was changed both in the vault and elsewhere (chat, the API) since the last sync: Mnemo kept its own
 * version in the memory and wrote the vault's into a conflict note, and the person should hear of it.
 *
 * A file of the person's own in Mnemo's folder changed on this machine and on the remote gives one too: the remote's
 * stays in place and this side's is kept beside it.
 *
 * @param memoryId the memory, or null when the conflict is about a file of the person's own
 * @param note     the conflict note's path inside Mnemo's folder (its name never holds the memory's words), or the
 *                 path of the copy kept beside the person's file
 */
public record VaultConflictFound(String userId, String memoryId, String note, Instant at) {
}
