package dev.mnemo.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Mnemo keeps its data and how the outside world reaches it.
 *
 * @param dataDir   the data directory (SQLite database, generated API token); created on start
 * @param apiToken  the bearer token for {@code /api/**}; blank means generate one and keep it in the data directory
 * @param db        an external database; blank URL means the embedded SQLite database
 */
@ConfigurationProperties("assistant")
public record AssistantProperties(Path dataDir, String apiToken, Db db) {

    /** An external database: {@code jdbc:postgresql://…} (or an explicit {@code jdbc:sqlite:…}). */
    public record Db(String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public AssistantProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        db = db == null ? new Db(null, null, null) : db;
    }
}
