package dev.mnemo.security;

import dev.mnemo.system.AssistantProperties;
import dev.mnemo.system.DataDirectory;
import dev.mnemo.system.StartupRefused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The admin token: full access to every person's data, for operations (metrics, scripts). It is
 * {@code ASSISTANT_API_TOKEN}, or one generated on first start and kept owner-only in the data directory, never
 * printed (the ready message says where it is).
 */
@Component
class AdminToken {
    static final String FILE_NAME = "api-token";

    private final byte[] token;

    AdminToken(AssistantProperties properties, DataDirectory dataDirectory) {
        String configured = properties.apiToken();
        String value = configured != null && !configured.isBlank()
                ? configured.trim()
                : loadOrGenerate(dataDirectory);
        this.token = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response timing does not leak the token. */
    boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String loadOrGenerate(DataDirectory dataDirectory) {
        Path file = dataDirectory.path().resolve(FILE_NAME);
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new StartupRefused("The API token file " + file.toAbsolutePath() + " is not a regular file"
                            + " (a link?): delete it to generate a new token, or set ASSISTANT_API_TOKEN");
                }
                dataDirectory.ownerOnlyFile(FILE_NAME); // narrowed to the owner before it is trusted
                String stored = Files.readString(file).trim();
                if (stored.isEmpty()) {
                    throw new StartupRefused("The API token file " + file.toAbsolutePath()
                            + " is empty: delete it to generate a new token, or set ASSISTANT_API_TOKEN");
                }
                return stored;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            write(file, generated);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API token file " + file.toAbsolutePath(), e);
        }
    }

    private static void write(Path file, String token) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, token + "\n");
    }
}
