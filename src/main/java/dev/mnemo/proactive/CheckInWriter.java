package dev.mnemo.proactive;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.Memory;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A check-in's words: by the cheap model from the memory when one is configured, a plain template otherwise. */
@Component
class CheckInWriter {
    private static final Logger log = LoggerFactory.getLogger(CheckInWriter.class);
    private static final int MAX_TOKENS = 80;

    private final LanguageModels models;
    private final Prompts prompts;

    CheckInWriter(LanguageModels models, Prompts prompts) {
        this.models = models;
        this.prompts = prompts;
    }

    String text(String user, Memory memory) {
        if (models.configured()) {
            try {
                String written = models.chat(new ModelRequest(user, null, "CHECK_IN", ModelTier.CHEAP,
                        prompts.render("check-in", Map.of()), List.of(ChatTurn.user(memory.text())), List.of(), List.of(),
                        MAX_TOKENS, false)).text();
                if (!written.isBlank()) {
                    return written;
                }
            } catch (ModelUnavailableException e) {
                log.warn("Check-in for user {} written without a model: {}", user, e.getMessage());
            }
        }
        return template(memory);
    }

    static String template(Memory memory) {
        return "Hi! A while ago you told me about this: \"" + memory.text().strip() + "\" How is it going?";
    }
}
