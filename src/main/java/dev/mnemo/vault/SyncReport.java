package dev.mnemo.vault;

/**
 * What one sync did.
 *
 * @param summary    the commit message ("3 learned, 1 corrected"), or "nothing changed"
 * @param written    files written or deleted in the vault
 * @param fromVault  changes the person made in the vault that reached their memories (edits, new lines, deletions)
 * @param conflicts  memories changed on both sides: both versions kept, a conflict note written
 * @param pushed     the remote has everything (false also when there is no remote)
 * @param unreadable notes of the vault that could not be read (not UTF-8, broken properties) or whose change was
 *                   refused: left as they are and read again at the next sync
 */
public record SyncReport(String summary, int written, int fromVault, int conflicts, boolean pushed, int unreadable) {
}
