package dev.mnemo.vault;

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

    /** True when a forgotten memory's text stays in the vault's git history (no purge configured). */
    boolean historyKeepsForgotten();
}
