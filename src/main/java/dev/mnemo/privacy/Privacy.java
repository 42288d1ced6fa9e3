package dev.mnemo.privacy;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Mnemo's PII policy ({@code ASSISTANT_PII_MODE}): what to look for, what to hide from model providers. */
@Component
public class Privacy {
    private final PrivacyMode mode;
    private final PiiDetector detector = new PiiDetector();
    private static final List<String> SECRET_PROPERTIES = List.of(
            "assistant.providers.anthropic.api-key", "assistant.providers.openai.api-key", "assistant.api-token",
            "assistant.db.password", "assistant.twilio.auth-token", "assistant.discord.bot-token",
            "assistant.backup.s3-secret-key", "assistant.backup.encryption-key", "assistant.sentry.dsn",
            "assistant.vault.git-token");

    Privacy(@Value("${assistant.privacy.mode}") String mode, Environment environment) {
        // This installation's secrets never reach a log, whatever they look like and whatever the mode.
        LogRedaction.secrets(SECRET_PROPERTIES.stream().map(environment::getProperty).toList());
        try {
            this.mode = PrivacyMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ASSISTANT_PII_MODE must be off, flag or redact, not '" + mode + "'");
        }
        LogRedaction.enable(this.mode != PrivacyMode.OFF);
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
