package dev.mnemo.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Mnemo's PII policy ({@code ASSISTANT_PII_MODE}): what to look for, what to hide from model providers. */
@Component
public class Privacy {
    private final PrivacyMode mode;
    private final PiiDetector detector = new PiiDetector();

    Privacy(@Value("${assistant.privacy.mode:flag}") String mode) {
        try {
            this.mode = PrivacyMode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ASSISTANT_PII_MODE must be off, flag or redact, not '" + mode + "'");
        }
        LogRedaction.enable(this.mode != PrivacyMode.OFF);
    }

    public PrivacyMode mode() {
        return mode;
    }

    /** True when the text holds personal or secret data (and the mode looks for it). */
    public boolean sensitive(String text) {
        return mode != PrivacyMode.OFF && text != null && detector.contains(text);
    }

    /** A new redaction for one exchange with a model provider; null when the mode sends text as written. */
    public Redaction forModelProvider() {
        return mode == PrivacyMode.REDACT ? new Redaction(detector) : null;
    }
}
