package dev.mnemo.conversation;

import dev.mnemo.vault.SyncReport;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultStatus;
import dev.mnemo.user.UserSettings;
import org.springframework.stereotype.Component;

/** {@code /vault}: the vault's last sync, what waits for the next one and the remote's state; {@code /vault sync}. */
@Component
class VaultCommand {
    private final Vault vault;
    private final UserSettings settings;

    VaultCommand(Vault vault, UserSettings settings) {
        this.vault = vault;
        this.settings = settings;
    }

    String vault(String userId, String argument) {
        if (!vault.on()) {
            return "There is no Obsidian vault here (set VAULT_DIR to keep one).";
        }
        if (!vault.user().equals(userId)) {
            return "The vault here keeps someone else's memories; yours are not in it.";
        }
        if (argument.equalsIgnoreCase("sync")) {
            SyncReport report;
            try {
                report = vault.sync();
            } catch (RuntimeException e) {
                // The sync's own failures are worded for the person and hold no secret; anything else is not shown.
                String why = e instanceof IllegalStateException && e.getMessage() != null ? e.getMessage()
                        : "an unexpected error (see the log)";
                return (why.startsWith("the vault could not be synced") ? "T" + why.substring(1)
                        : "The vault could not be synced: " + why) + ".";
            }
            return "Vault synced: " + report.summary() + "." + (report.conflicts() > 0
                    ? " " + report.conflicts() + " changed both in the vault and here: both versions are kept, see its "
                            + "Conflicts folder." : "")
                    + (report.unreadable() > 0 ? " " + report.unreadable() + (report.unreadable() == 1 ? " note" : " notes")
                            + " could not be read (not UTF-8 text, or broken properties) and " + (report.unreadable() == 1
                            ? "is" : "are") + " left as they are until fixed." : "");
        }
        if (!argument.isEmpty()) {
            return "Use /vault to see the vault's state, or /vault sync to sync it now.";
        }
        VaultStatus status = vault.status();
        String last = status.lastSync() == null ? "never synced"
                : "last synced " + ChatCommands.WHEN.format(status.lastSync().atZone(settings.timeZone(userId)));
        String remote = switch (status.remote()) {
            case NONE -> "no git remote";
            case UP_TO_DATE -> "the remote has everything";
            case UNREACHABLE -> "the remote could not be reached (" + status.remoteError()
                    + "); the commits wait for the next push";
        };
        return "Vault " + status.path() + ": " + last + "; " + status.pending() + " changed "
                + (status.pending() == 1 ? "memory waits" : "memories wait") + " for the next sync; " + remote + ".";
    }
}
