package dev.mnemo.vault.internal;

import dev.mnemo.vault.VaultProperties;
import java.nio.file.Path;

/** Where the vault's repository is pushed, and how it signs in: a token over https, a key over ssh, or nothing. */
record GitRemote(String url, String token, Path sshKey, Path knownHosts) {
    static final GitRemote NONE = new GitRemote(null, null, null, null);

    static GitRemote of(VaultProperties properties) {
        if (!properties.hasRemote()) {
            return NONE;
        }
        boolean ssh = VaultProperties.isSsh(properties.gitRemote());
        return new GitRemote(properties.gitRemote(), properties.gitToken(),
                ssh ? Path.of(properties.gitSshKey()).toAbsolutePath() : null, ssh ? properties.knownHosts() : null);
    }

    boolean present() {
        return url != null && !url.isBlank();
    }

    boolean ssh() {
        return sshKey != null;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "GitRemote[" + (present() ? ssh() ? "ssh" : "https" : "none") + "]";
    }
}
