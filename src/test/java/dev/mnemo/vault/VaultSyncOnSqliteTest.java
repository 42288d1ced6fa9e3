package dev.mnemo.vault;

import dev.mnemo.testing.SqliteApp;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SqliteApp
class VaultSyncOnSqliteTest extends VaultSyncContract {
    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) {
        properties(registry, "sqlite");
    }

    @Override
    String name() {
        return "sqlite";
    }
}
