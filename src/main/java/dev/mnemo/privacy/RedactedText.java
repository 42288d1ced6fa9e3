package dev.mnemo.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * Logback's {@code %predact(...)}: what it wraps (a stack trace and its "Caused by" messages) redacted like
 * {@code %pmsg}: exception messages quote SQL rows, response bodies and numbers as often as log messages do.
 */
public class RedactedText extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return LogRedaction.redactAll(in);
    }
}
