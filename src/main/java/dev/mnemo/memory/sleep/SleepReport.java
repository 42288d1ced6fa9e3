package dev.mnemo.memory.sleep;

/** What one consolidation did for one user. */
public record SleepReport(String userId, String trigger, int decayed, int merged, int summarised, int pruned,
                          int purged) {
}
