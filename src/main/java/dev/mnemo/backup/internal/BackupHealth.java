package dev.mnemo.backup.internal;

import dev.mnemo.backup.BackupProperties;
import dev.mnemo.backup.Backups;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** The last good backup is recent (within {@code BACKUP_MAX_AGE}); DEGRADED, not DOWN, when it is not. */
@Component("backupHealthIndicator")
class BackupHealth implements HealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED");

    private final Backups backups;
    private final BackupProperties properties;
    private final Clock clock;

    BackupHealth(Backups backups, BackupProperties properties, Clock clock) {
        this.backups = backups;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!properties.configured()) {
            return Health.up().withDetail("target", "none: set BACKUP_TARGET").build();
        }
        Optional<Instant> last = backups.lastSuccess();
        boolean fresh = last.isPresent() && last.get().plus(properties.maxAge()).isAfter(clock.instant());
        return Health.status(fresh ? Status.UP : DEGRADED)
                .withDetail("lastSuccess", last.map(Instant::toString).orElse("never")).build();
    }
}
