package dev.mnemo.vault.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files of Mnemo's folder, read and written without ever leaving it: a path that climbs out, or passes through a
 * link (which could point anywhere), is refused.
 */
final class VaultFiles {
    private VaultFiles() {
    }

    /** The file at {@code path} inside the folder, refusing anything that would leave it. */
    static Path inside(Path root, String path) {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new IllegalStateException("refusing to write outside the vault folder: " + VaultView.shortName(path));
        }
        for (Path p = file; !p.equals(base); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                Path inFolder = base.relativize(p);
                throw new IllegalStateException("refusing to follow a link in the vault folder: " + inFolder.getName(0)
                        + (inFolder.getNameCount() > 1 ? "/…" : ""));
            }
        }
        return file;
    }

    /** True for a plain file (a link is not one). */
    static boolean isFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The text of a plain file in the folder; empty when it is missing or a link.
     *
     * @throws CharacterCodingException when it is not UTF-8
     */
    static Optional<String> text(Path root, String path) throws IOException {
        Path file;
        try {
            file = inside(root, path);
        } catch (IllegalStateException e) {
            return Optional.empty(); // outside, or through a link: not a file of the folder
        }
        return isFile(file) ? Optional.of(utf8(Files.readAllBytes(file))) : Optional.empty();
    }

    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
