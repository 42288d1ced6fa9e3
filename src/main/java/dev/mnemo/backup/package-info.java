/**
 * Backups and restores of the whole database: a consistent snapshot, zipped with a checksum per table, optionally
 * encrypted, kept in a directory or an S3 bucket under a retention policy. Its API is {@link
 * dev.mnemo.backup.Backups} with {@link dev.mnemo.backup.BackupResult}, {@link dev.mnemo.backup.BackupProperties},
 * {@link dev.mnemo.backup.BackupException} and the {@link dev.mnemo.backup.BackupStarted} and {@link
 * dev.mnemo.backup.BackupCompleted} events; the archive
 * format, the targets, retention and the runs table are in {@code internal}.
 */
package dev.mnemo.backup;
