package dev.mnemo.security;

import dev.mnemo.system.AssistantProperties;
import dev.mnemo.system.DataDirectory;
import dev.mnemo.system.StartupRefused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tokens a fresh install needs before anyone has run {@code token create}: the owner's person token, which
 * {@code ./mnemo chat} reads from {@value #CHAT_TOKEN_FILE} in the data directory, created on the first start (and
 * again when the one kept there no longer works); and where the admin token lives.
 */
@Component
public class StartupTokens {
    public static final String CHAT_TOKEN_FILE = "chat-token";
    /** The person {@code ./mnemo chat} is, unless another token is given. */
    public static final String OWNER = "owner";

    private final PersonTokens tokens;
    private final DataDirectory dataDirectory;
    private final boolean adminTokenConfigured;

    StartupTokens(PersonTokens tokens, DataDirectory dataDirectory, AssistantProperties properties) {
        this.tokens = tokens;
        this.dataDirectory = dataDirectory;
        this.adminTokenConfigured = properties.apiToken() != null && !properties.apiToken().isBlank();
    }

    /**
     * @param chatToken    the owner's token file
     * @param created      the owner's token when it was created by this start (to be shown once), else empty
     * @param adminToken   the admin token's file; empty when {@code ASSISTANT_API_TOKEN} sets it
     */
    public record Report(Path chatToken, Optional<String> created, Optional<Path> adminToken) {
        @Override
        public String toString() {
            return "Report[chatToken=" + chatToken + ", created=" + created.map(c -> "(hidden)") + ", adminToken=" + adminToken + "]";
        }
    }

    /** Makes sure the owner's token file holds a live token; creates one when it does not. */
    public Report prepare() {
        Path file = dataDirectory.path().resolve(CHAT_TOKEN_FILE);
        Optional<Path> admin = adminTokenConfigured ? Optional.empty() : Optional.of(dataDirectory.path().resolve(AdminToken.FILE_NAME));
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new StartupRefused("The chat token file " + file + " is not a regular file (a link?): delete it"
                            + " and start again for a new token");
                }
                dataDirectory.ownerOnlyFile(CHAT_TOKEN_FILE);
                if (tokens.authenticate(Files.readString(file).strip()).isPresent()) {
                    return new Report(file, Optional.empty(), admin);
                }
                // Revoked, or a database that never knew it (a restore, a move to PostgreSQL): a new one replaces it.
            }
            String secret = tokens.create(OWNER, "terminal chat").secret();
            // Written aside and moved in: a chat reading the file meanwhile sees the old token or the new, never half.
            Path fresh = dataDirectory.ownerOnlyFile(CHAT_TOKEN_FILE + ".new");
            Files.writeString(fresh, secret + "\n");
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Report(file, Optional.of(secret), admin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the chat token file " + file, e);
        }
    }
}
