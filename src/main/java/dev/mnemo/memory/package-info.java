/**
 * The long-term memory: written from conversations, recalled for prompts, consolidated while idle, forgotten on
 * request. Its API is {@link dev.mnemo.memory.MemoryIntake}, {@link dev.mnemo.memory.MemoryRecall} and {@link
 * dev.mnemo.memory.MemoryControl} with {@link dev.mnemo.memory.Memory} and its value types, {@link
 * dev.mnemo.memory.MemoryTransfer} with {@link dev.mnemo.memory.PortableMemory} and its JSON Lines form
 * ({@link dev.mnemo.memory.PortableMemoryLines}) for import and export, and its events:
 * {@link dev.mnemo.memory.MemoryChanged} (after each committed change, through the event publication registry),
 * {@link dev.mnemo.memory.SleepCompleted} and {@link dev.mnemo.memory.ForgottenSources} (inside the deleting
 * transaction). Storage — with {@code store.MemoryChanges}, the one way to change memories — indexes,
 * embeddings, the write path and sleep are its sub-packages.
 */
package dev.mnemo.memory;
