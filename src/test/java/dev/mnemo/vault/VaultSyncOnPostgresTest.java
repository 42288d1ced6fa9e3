package dev.mnemo.vault;

import dev.mnemo.testing.PostgresApp;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresApp
class VaultSyncOnPostgresTest extends VaultSyncContract {
    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) {
        properties(registry, "postgresql");
    }

    @Override
    String name() {
        return "postgresql";
    }
}
