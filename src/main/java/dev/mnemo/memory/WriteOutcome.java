package dev.mnemo.memory;

/**
 * What the write path did with one candidate.
 *
 * @param action  {@code ADDED}, {@code MERGED} (the same thing again: reinforced), {@code CORRECTED}
 *                (replaced an earlier belief, kept in the history)
 * @param memory  the memory as it is now
 */
public record WriteOutcome(Action action, Memory memory) {
    public enum Action { ADDED, MERGED, CORRECTED }
}
