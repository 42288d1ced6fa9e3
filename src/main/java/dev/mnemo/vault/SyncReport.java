package dev.mnemo.vault;

/**
 * What one sync did.
 *
 * @param summary    the commit message ("3 learned, 1 corrected"), or "nothing changed"
 * @param written    files written or deleted in the vault
 * @param fromVault  changes the person made in the vault that reached their memories (edits, new lines, deletions)
 * @param conflicts  memories changed on both sides: both versions kept, a conflict note written
 * @param pushed     the remote has everything (false also when there is no remote)
 */
public record SyncReport(String summary, int written, int fromVault, int conflicts, boolean pushed) {
}
