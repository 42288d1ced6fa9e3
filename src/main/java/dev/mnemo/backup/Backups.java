package dev.mnemo.backup;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Backups of the whole database while Mnemo runs: a consistent snapshot of every table, compressed, encrypted
 * when a key is set, written to a directory or S3, old ones removed by retention; and restore, which refuses a
 * corrupt or tampered archive and never overwrites data without {@code force}.
 */
public interface Backups {

    /** Writes one archive to the configured target, or to {@code target} when given. */
    BackupResult backup(String target);

    /**
     * Restores an archive (a file path or {@code s3://bucket/key}) into the configured database.
     *
     * @return rows restored per table
     * @throws BackupException when the archive is corrupt, tampered, undecryptable, from a newer Mnemo, or the
     *                         database holds data and {@code force} is false — nothing is changed then
     */
    Map<String, Long> restore(String archive, boolean force);

    /** When the last backup succeeded (on any instance), if ever. */
    Optional<Instant> lastSuccess();
}
