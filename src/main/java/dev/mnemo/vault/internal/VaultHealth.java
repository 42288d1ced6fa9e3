package dev.mnemo.vault.internal;

import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** DEGRADED while the vault's remote cannot be reached: the commits wait for the next push. */
@Component("vaultHealthIndicator")
class VaultHealth implements HealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED");
    private static final Status NOT_CONFIGURED = new Status("NOT_CONFIGURED");

    private final Vault vault;

    VaultHealth(Vault vault) {
        this.vault = vault;
    }

    @Override
    public Health health() {
        VaultStatus status = vault.status();
        if (!status.on()) {
            return Health.status(NOT_CONFIGURED).withDetail("vault", "off: set VAULT_DIR").build();
        }
        // The remote down, or the last sync failed (recorded the same way, with or without a remote).
        boolean degraded = status.remote() == VaultStatus.Remote.UNREACHABLE || status.remoteError() != null;
        Health.Builder health = Health.status(degraded ? DEGRADED : Status.UP)
                .withDetail("remote", status.remote().name()).withDetail("pending", status.pending())
                .withDetail("lastSync", status.lastSync() == null ? "never" : status.lastSync().toString());
        if (status.remoteError() != null) {
            health.withDetail("remoteError", status.remoteError());
        }
        return health.build();
    }
}
