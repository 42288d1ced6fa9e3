package dev.mnemo.vault;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * The person's memories as an Obsidian vault kept in sync: {@link #sync()} writes what changed, reads back what
 * the person changed there, and exchanges commits with the git remote.
 */
public interface Vault {

    /** False when no vault is configured: then nothing else here does anything. */
    boolean on();

    /** Whose memories the vault shows. */
    String user();

    /** Syncs now (waits for a sync already running). */
    SyncReport sync();

    VaultStatus status();

    /**
     * Writes a one-off vault of the person's memories into {@code dir}/{@code VAULT_FOLDER}, which must not exist or be
     * empty: no git, no bookkeeping, nothing read back. Works whether or not a vault is configured.
     *
     * @param progress told how many memory notes are written so far
     * @return how many memory notes were written
     */
    int export(String userId, Path dir, IntConsumer progress) throws IOException;

    /** True when a forgotten memory's text stays in the vault's git history (no purge configured). */
    boolean historyKeepsForgotten();
}
