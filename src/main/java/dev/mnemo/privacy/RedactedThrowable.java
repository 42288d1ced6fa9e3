package dev.mnemo.privacy;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %pex}: the stack trace and its "Caused by" messages, PII-redacted like {@code %pmsg} (exception
 * messages quote SQL rows, response bodies and numbers as often as log messages do); nothing when the event has no
 * exception. Being logback's own kind of throwable converter, it keeps logback from appending an unredacted trace
 * of its own.
 */
public class RedactedThrowable extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String trace = super.convert(event);
        return trace.isEmpty() ? trace : shown(LogRedaction.redactAll(trace));
    }

    String shown(String redacted) {
        return redacted;
    }

    /** {@code %pjsonex}: the same, as the body of a JSON string, for the {@code json-logs} profile. */
    public static class Json extends RedactedThrowable {
        @Override
        String shown(String redacted) {
            return JsonLogMessage.escape(redacted);
        }
    }
}
