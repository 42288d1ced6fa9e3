package dev.mnemo.memory;

import java.time.Instant;
import java.util.List;

/**
 * One memory as a line of an export or import file (JSON Lines): what it says, what it is, when it was said and
 * what it said before.
 *
 * @param importance 1..10, or null for the write path to judge
 * @param saidAt     when the current wording was said
 * @param history    earlier versions, newest first
 */
public record PortableMemory(String text, MemoryKind kind, Integer importance, List<String> tags, Instant saidAt,
                             List<MemoryVersion> history) {
}
