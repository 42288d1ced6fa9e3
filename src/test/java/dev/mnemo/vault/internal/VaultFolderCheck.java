package dev.mnemo.vault.internal;

import java.nio.file.Path;

/** {@link VaultNotes#checkFolder} for tests outside this package. */
public final class VaultFolderCheck {
    private VaultFolderCheck() {
    }

    public static void check(Path vault, String folder) throws Exception {
        VaultNotes.checkFolder(vault, folder);
    }
}
