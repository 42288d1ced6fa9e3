package dev.mnemo.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Logback's {@code %pmsg}: the log message with this installation's configured secrets replaced (always) and
 * every PII finding replaced by its type ({@code [EMAIL]}, unless {@code ASSISTANT_PII_MODE=off}), so a phone
 * number, card or key that reaches a log line never reaches the log.
 */
public class LogRedaction extends MessageConverter {
    private static volatile boolean enabled = true;
    private static final PiiDetector DETECTOR = new PiiDetector();

    static void enable(boolean on) {
        enabled = on;
    }


    @Override
    public String convert(ILoggingEvent event) {
        return redactAll(super.convert(event));
    }

    /**
     * Values that are secrets by configuration (API keys, tokens, passwords of this installation): replaced
     * verbatim in every log line whatever the mode, since a key can look like anything.
     */
    private static volatile List<String> configuredSecrets = List.of();

    static void secrets(Collection<String> values) {
        configuredSecrets = values.stream().filter(v -> v != null && v.length() >= 6).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Configured secrets out (always), then PII by type (unless off). */
    static String redactAll(String message) {
        String text = withoutSecrets(message);
        return enabled ? redact(text) : text;
    }

    static String withoutSecrets(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (String secret : configuredSecrets) {
            text = text.replace(secret, "[SECRET]");
        }
        return text;
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
