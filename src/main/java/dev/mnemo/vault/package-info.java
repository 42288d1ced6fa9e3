/**
 * The person's memories as a linked markdown vault for Obsidian, in its own git repository, kept in sync both ways.
 * Its API is {@link dev.mnemo.vault.Vault} with {@link dev.mnemo.vault.VaultStatus}, {@link dev.mnemo.vault.SyncReport}
 * and {@link dev.mnemo.vault.VaultProperties}; it listens to {@link dev.mnemo.memory.MemoryChanged} and changes
 * memories only through {@link dev.mnemo.memory.MemoryControl} and {@link dev.mnemo.memory.MemoryIntake}.
 */
package dev.mnemo.vault;
