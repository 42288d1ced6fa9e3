package dev.mnemo.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param target        where archives go: a directory, or {@code s3://bucket/prefix} ({@code BACKUP_TARGET});
 *                      blank: no scheduled backups
 * @param s3Endpoint    an S3-compatible endpoint (Backblaze B2, MinIO); blank: AWS
 * @param s3Region      the bucket's region
 * @param s3AccessKey   blank: the AWS SDK's default credentials (environment, profile, instance role)
 * @param encryptionKey a passphrase: archives are then AES-256-GCM encrypted (key derived with PBKDF2)
 * @param cron          when the daily backup runs (Spring cron)
 * @param keepDaily     retention: the newest archive of each of this many days…
 * @param keepWeekly    …of this many ISO weeks…
 * @param keepMonthly   …and of this many months
 * @param maxAge        older than this, the last good backup is an alert (health and metrics)
 * @param scheduled     run the daily backup (the command-line backup and restore turn it off)
 */
@ConfigurationProperties("assistant.backup")
public record BackupProperties(String target, String s3Endpoint, String s3Region, String s3AccessKey, String s3SecretKey,
                               String encryptionKey, String cron, int keepDaily, int keepWeekly, int keepMonthly,
                               Duration maxAge, boolean scheduled) {

    public boolean configured() {
        return target != null && !target.isBlank();
    }

    public boolean encrypted() {
        return encryptionKey != null && !encryptionKey.isEmpty();
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "BackupProperties[target=" + target + ", s3Endpoint=" + s3Endpoint + ", encrypted=" + encrypted() + "]";
    }
}
