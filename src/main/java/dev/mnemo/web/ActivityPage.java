package dev.mnemo.web;

import dev.mnemo.backup.Backups;
import dev.mnemo.memory.MemoryBrowsing;
import dev.mnemo.security.Caller;
import dev.mnemo.user.UserSettings;
import dev.mnemo.vault.Vault;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /activity}: what Mnemo did on its own — the person's last sleep runs (merged, summarised, pruned), the last
 * successful backup, and the vault's last sync when the vault is theirs.
 */
@Controller
class ActivityPage {
    static final int SLEEPS = 30;

    private final MemoryBrowsing browsing;
    private final Backups backups;
    private final Vault vault;
    private final UserSettings settings;

    ActivityPage(MemoryBrowsing browsing, Backups backups, Vault vault, UserSettings settings) {
        this.browsing = browsing;
        this.backups = backups;
        this.vault = vault;
        this.settings = settings;
    }

    @GetMapping("/activity")
    String activity(@AuthenticationPrincipal Caller caller, Model model) {
        String user = caller.user(null);
        model.addAttribute("zone", settings.timeZone(user));
        model.addAttribute("sleeps", browsing.sleeps(user, SLEEPS));
        model.addAttribute("lastBackup", backups.lastSuccess().orElse(null));
        // The vault shows one person's memories: its state is theirs to see, nobody else's.
        model.addAttribute("vault", vault.on() && vault.user().equals(user) ? vault.status() : null);
        return "activity";
    }
}
