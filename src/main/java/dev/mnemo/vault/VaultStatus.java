package dev.mnemo.vault;

import java.time.Instant;

/**
 * How the vault is doing.
 *
 * @param lastSync    null before the first
 * @param pending     memories changed since the last sync
 * @param remote      the remote as of the last sync
 * @param remoteError what the remote said when it refused or could not be reached; null otherwise
 */
public record VaultStatus(boolean on, String path, Instant lastSync, int pending, Remote remote, String remoteError) {

    /** The git remote's state. */
    public enum Remote { NONE, UP_TO_DATE, UNREACHABLE }
}
