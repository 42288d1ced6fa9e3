package dev.mnemo.vault;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir              the Obsidian vault ({@code VAULT_DIR}); blank: no vault
 * @param enabled          {@code VAULT_ENABLED=false} turns a configured vault off
 * @param folder           Mnemo's own folder in it ({@code VAULT_FOLDER}): the only place Mnemo writes, a git repository
 * @param user             whose memories the vault shows ({@code VAULT_USER}); one person per vault
 * @param gitRemote        an https URL the vault is pushed to and pulled from ({@code VAULT_GIT_REMOTE}); blank: local
 *                         commits only
 * @param gitToken         the https password or access token ({@code VAULT_GIT_TOKEN}); never logged
 * @param gitPurge         a forget also rewrites the repository's history ({@code VAULT_GIT_PURGE})
 * @param includeSensitive memories tagged {@code sensitive} are written too ({@code VAULT_INCLUDE_SENSITIVE})
 * @param debounce         how long after a change the vault syncs ({@code VAULT_DEBOUNCE})
 * @param poll             how often pending changes are looked for
 * @param nightlyCron      the nightly sync (Spring cron)
 * @param scheduled        sync in the background (the command-line export turns it off)
 */
@ConfigurationProperties("assistant.vault")
public record VaultProperties(String dir, boolean enabled, String folder, String user, String gitRemote, String gitToken,
                              boolean gitPurge, boolean includeSensitive, Duration debounce, Duration poll,
                              String nightlyCron, boolean scheduled) {

    public VaultProperties {
        if (folder == null || folder.isBlank() || folder.contains("/") || folder.contains("\\") || folder.startsWith(".")) {
            throw new IllegalArgumentException("VAULT_FOLDER must be one folder name inside the vault, not '" + folder + "'");
        }
        if (gitRemote != null && !gitRemote.isBlank() && !gitRemote.startsWith("https://") && !gitRemote.startsWith("http://")
                && !gitRemote.startsWith("file:") && !gitRemote.startsWith("/")) {
            throw new IllegalArgumentException("VAULT_GIT_REMOTE must be an https URL (or a local path), not '"
                    + gitRemote.replaceAll("//[^@/]*@", "//***@") + "'; ssh remotes are not supported yet");
        }
    }

    /** A vault is kept: a directory is set and the vault is not turned off. */
    public boolean on() {
        return enabled && dir != null && !dir.isBlank();
    }

    /** Mnemo's folder: the git repository. */
    public Path root() {
        return Path.of(dir).resolve(folder);
    }

    public boolean hasRemote() {
        return gitRemote != null && !gitRemote.isBlank();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "VaultProperties[dir=" + dir + ", enabled=" + enabled + ", folder=" + folder + ", user=" + user
                + ", remote=" + (hasRemote() ? "set" : "none") + "]";
    }
}
