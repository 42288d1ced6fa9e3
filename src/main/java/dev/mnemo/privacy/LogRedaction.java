package dev.mnemo.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %pmsg}: the log message with every PII finding replaced by its type ({@code [EMAIL]}), so a
 * phone number, card or key that reaches a log line never reaches the log (unless {@code ASSISTANT_PII_MODE=off}).
 */
public class LogRedaction extends MessageConverter {
    private static volatile boolean enabled = true;
    private static final PiiDetector DETECTOR = new PiiDetector();

    static void enable(boolean on) {
        enabled = on;
    }

    static boolean isEnabled() {
        return enabled;
    }

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return enabled ? redact(message) : message;
    }

    public static String redact(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        var findings = DETECTOR.find(message);
        if (findings.isEmpty()) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (PiiFinding f : findings) {
            out.append(message, at, f.start()).append('[').append(f.type()).append(']');
            at = f.end();
        }
        return out.append(message.substring(at)).toString();
    }
}
