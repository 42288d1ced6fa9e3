package dev.mnemo.memory;

/** A memory chosen for a prompt, with the score that ranked it. */
public record RecalledMemory(Memory memory, double score) {
}
