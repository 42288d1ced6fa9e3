package dev.mnemo.system;

/**
 * Mnemo cannot start with what it was given (a data directory, a database file, a setting). The message is one
 * line that names the thing and the cause; start-up reports it without a stack trace.
 */
public class StartupRefused extends IllegalStateException {
    public StartupRefused(String message) {
        super(message);
    }

    public StartupRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
