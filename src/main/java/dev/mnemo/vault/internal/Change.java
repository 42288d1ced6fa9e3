package dev.mnemo.vault.internal;

/** What happened to a memory, as a day's note tells it. */
enum Change {
    LEARNED("Learned"), MERGED("Heard again"), CORRECTED("Corrected"), EDITED("Edited"), SUMMARISED("Summarised"),
    PRUNED("Set aside"), RESTORED("Restored"), FORGOTTEN("Forgotten"), PURGED("Deleted after 30 days set aside");

    final String label;

    Change(String label) {
        this.label = label;
    }
}
