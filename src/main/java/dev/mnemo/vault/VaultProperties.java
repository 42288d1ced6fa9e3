package dev.mnemo.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir              the Obsidian vault ({@code VAULT_DIR}); blank: no vault
 * @param enabled          {@code VAULT_ENABLED=false} turns a configured vault off
 * @param folder           Mnemo's own folder in it ({@code VAULT_FOLDER}): the only place Mnemo writes, a git repository
 * @param user             whose memories the vault shows ({@code VAULT_USER}); one person per vault
 * @param gitRemote        the git URL the vault is pushed to and pulled from ({@code VAULT_GIT_REMOTE}): https, ssh
 *                         ({@code ssh://git@host/path.git} or {@code git@host:path.git}) or a local path; blank: local
 *                         commits only
 * @param gitToken         the https password or access token ({@code VAULT_GIT_TOKEN}); never logged
 * @param gitSshKey        the private key file for an ssh remote ({@code VAULT_GIT_SSH_KEY}; OpenSSH format, without
 *                         a passphrase)
 * @param gitKnownHosts    the ssh remote's host keys ({@code VAULT_GIT_KNOWN_HOSTS}); blank: {@code known_hosts} beside
 *                         the key. A host not in it is refused.
 * @param gitPurge         a forget also rewrites the repository's history ({@code VAULT_GIT_PURGE})
 * @param includeSensitive memories tagged {@code sensitive} are written too ({@code VAULT_INCLUDE_SENSITIVE})
 * @param debounce         how long after a change the vault syncs ({@code VAULT_DEBOUNCE})
 * @param poll             how often pending changes are looked for
 * @param nightlyCron      the nightly sync (Spring cron)
 * @param scheduled        sync in the background (the command-line export turns it off)
 */
@ConfigurationProperties("assistant.vault")
public record VaultProperties(String dir, boolean enabled, String folder, String user, String gitRemote, String gitToken,
                              String gitSshKey, String gitKnownHosts, boolean gitPurge, boolean includeSensitive, Duration debounce, Duration poll,
                              String nightlyCron, boolean scheduled) {

    private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:(?!//)");

    public VaultProperties {
        if (folder == null || folder.isBlank() || folder.contains("/") || folder.contains("\\") || folder.startsWith(".")) {
            throw new IllegalArgumentException("VAULT_FOLDER must be one folder name inside the vault, not '" + folder + "'");
        }
        boolean remote = gitRemote != null && !gitRemote.isBlank();
        if (remote && !isSsh(gitRemote) && !gitRemote.startsWith("https://") && !gitRemote.startsWith("http://")
                && !gitRemote.startsWith("file:") && !gitRemote.startsWith("/")) {
            throw new IllegalArgumentException("VAULT_GIT_REMOTE must be an https or ssh URL (or a local path), not '"
                    + gitRemote.replaceAll("//[^@/]*@", "//***@") + "'");
        }
        if (remote && isSsh(gitRemote) && enabled && dir != null && !dir.isBlank()) {
            if (gitSshKey == null || gitSshKey.isBlank() || !Files.isReadable(Path.of(gitSshKey))) {
                throw new IllegalArgumentException("an ssh VAULT_GIT_REMOTE needs VAULT_GIT_SSH_KEY, a readable private key "
                        + "file" + (gitSshKey == null || gitSshKey.isBlank() ? "" : " (" + gitSshKey + " is not)"));
            }
            Path hosts = knownHosts(gitKnownHosts, gitSshKey);
            if (!Files.isReadable(hosts)) {
                throw new IllegalArgumentException("an ssh VAULT_GIT_REMOTE needs the host's key in " + hosts
                        + " (VAULT_GIT_KNOWN_HOSTS; ssh-keyscan HOST prints it)");
            }
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

    /** The ssh remote's known hosts: {@code VAULT_GIT_KNOWN_HOSTS}, or {@code known_hosts} beside the key. */
    public Path knownHosts() {
        return knownHosts(gitKnownHosts, gitSshKey);
    }

    private static Path knownHosts(String knownHosts, String sshKey) {
        return knownHosts != null && !knownHosts.isBlank() ? Path.of(knownHosts)
                : Path.of(sshKey).toAbsolutePath().resolveSibling("known_hosts");
    }

    /** {@code ssh://…} or scp's {@code user@host:path}. */
    public static boolean isSsh(String url) {
        return url.startsWith("ssh://") || SCP_LIKE.matcher(url).lookingAt();
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
