package dev.mnemo.backup;

/** A backup or restore that did not happen, with a reason a person can act on. Nothing was changed. */
public class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
