/**
 * The long-term memory: written from conversations, recalled for prompts, consolidated while idle, forgotten on
 * request. Its API is {@link dev.mnemo.memory.MemoryIntake}, {@link dev.mnemo.memory.MemoryRecall} and {@link
 * dev.mnemo.memory.MemoryControl} with {@link dev.mnemo.memory.Memory} and its value types, and the {@link
 * dev.mnemo.memory.MemoriesForgotten} event; storage, indexes, embeddings, the write path and sleep are its
 * sub-packages.
 */
package dev.mnemo.memory;
