package dev.mnemo.memory;

import java.time.Instant;

/**
 * A memory chosen for a prompt, with the score that ranked it.
 *
 * @param replacedAt when another recalled memory, said later, replaced it (same slot, or a stated change); null
 *                   while it is current — the prompt shows it as "until …"
 */
public record RecalledMemory(Memory memory, double score, Instant replacedAt) {
}
