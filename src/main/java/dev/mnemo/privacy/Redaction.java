package dev.mnemo.privacy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders for one exchange with a model provider: each distinct finding becomes {@code [TYPE_n]}, the same
 * value always the same placeholder, and the mapping stays in this object, in this process, so the reply's
 * placeholders can be put back. Never persisted, never logged.
 */
public final class Redaction {
    private final PiiDetector detector;
    private final Map<String, String> placeholderByValue = new LinkedHashMap<>();
    private final Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
    private final Map<PiiType, Integer> counters = new EnumMap<>(PiiType.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z_]+_[0-9a-f]{4}_\\d+]");

    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));

    Redaction(PiiDetector detector) {
        this.detector = detector;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<PiiFinding> findings = detector.find(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (PiiFinding f : findings) {
            out.append(text, at, f.start()).append(placeholderByValue.computeIfAbsent(f.value(), v -> {
                // A tag of this exchange's own: text that merely looks like a placeholder is never "restored".
                String placeholder = "[" + f.type() + "_" + tag + "_" + counters.merge(f.type(), 1, Integer::sum) + "]";
                valueByPlaceholder.put(placeholder, v);
                return placeholder;
            }));
            at = f.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** The text with every placeholder this redaction made replaced by the original value. */
    public String restore(String text) {
        if (text == null || valueByPlaceholder.isEmpty()) {
            return text;
        }
        // One pass: a restored value is never scanned for placeholders again.
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = valueByPlaceholder.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }
}
