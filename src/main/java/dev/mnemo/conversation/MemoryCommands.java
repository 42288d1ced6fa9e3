package dev.mnemo.conversation;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.vault.Vault;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /remember}, {@code /search}, {@code /memories} and {@code /forget} (with its confirmation). */
@Component
class MemoryCommands {
    static final int LISTED = 10;

    private final MemoryRecall recall;
    private final MemoryIntake intake;
    private final MemoryControl control;
    private final Vault vault;

    MemoryCommands(MemoryRecall recall, MemoryIntake intake, MemoryControl control, Vault vault) {
        this.recall = recall;
        this.intake = intake;
        this.control = control;
        this.vault = vault;
    }

    String remember(String userId, String messageId, String text) {
        if (text.isEmpty()) {
            return "What should I remember? Write it after the command, e.g. /remember my sister is Ana.";
        }
        WriteOutcome outcome = intake.remember(userId, text, messageId);
        return switch (outcome.action()) {
            case ADDED -> "I'll remember: " + outcome.memory().text();
            case MERGED -> "I already knew that; I'll hold on to it: " + outcome.memory().text();
            case CORRECTED -> "Updated what I remembered. Now: " + outcome.memory().text();
        };
    }

    String search(String userId, String topic) {
        if (topic.isEmpty()) {
            return "Search for what? e.g. /search birthday";
        }
        List<Memory> found = recall.search(userId, topic, 5);
        return found.isEmpty() ? "I don't remember anything about that." : "What I remember:\n" + listing(found);
    }

    String memories(String userId) {
        List<Memory> latest = recall.list(userId, LISTED);
        return latest.isEmpty() ? "I don't remember anything about you yet. Tell me, or use /remember."
                : "The latest things I remember:\n" + listing(latest);
    }

    String forget(String userId, String argument) {
        if (argument.isEmpty()) {
            return "Forget what? e.g. /forget my old address, or /forget <id> from /memories.";
        }
        if (argument.equalsIgnoreCase("yes") || argument.equalsIgnoreCase("confirm")) {
            int deleted = control.confirmForget(userId);
            return deleted == 0 ? "There was nothing waiting to be forgotten (a request lasts 10 minutes)."
                    : "Forgotten: " + deleted + (deleted == 1 ? " memory" : " memories")
                            + ", with its history. It won't come back." + vaultNote(userId);
        }
        List<Memory> matches = control.requestForget(userId, argument);
        if (matches.isEmpty()) {
            return "I don't remember anything matching that.";
        }
        return "This would forget:\n" + listing(matches)
                + "\nReply /forget yes to delete " + (matches.size() == 1 ? "it" : "these " + matches.size())
                + " for good, or /forget <id> to pick one.";
    }

    private String vaultNote(String userId) {
        if (!vault.on() || !vault.user().equals(userId)) {
            return "";
        }
        return vault.historyKeepsForgotten()
                ? " It leaves the Obsidian vault at the next sync, but the vault's git history still holds it"
                        + " (VAULT_GIT_PURGE=true rewrites that history)."
                : " It leaves the Obsidian vault and its git history at the next sync.";
    }

    private static String listing(List<Memory> memories) {
        return memories.stream().map(m -> "- " + m.text() + " [" + m.id().substring(0, 13) + "]")
                .collect(Collectors.joining("\n"));
    }
}
