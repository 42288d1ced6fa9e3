package dev.mnemo.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Logback's {@code %pjson(...)}: what it wraps (the message, a stack trace), PII-redacted like {@code %pmsg} and
 * escaped as a JSON string body, for the structured log lines of the {@code json-logs} profile.
 */
public class JsonLogMessage extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return escape(LogRedaction.redactAll(in));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.toString();
    }
}
