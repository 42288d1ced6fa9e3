package dev.mnemo.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptsTest {
    private final Prompts prompts = new Prompts();

    @Test
    void aPersonsTextWithPlaceholdersStaysText() {
        String message = "why does my helm chart print {{ .Values.name }} and {{now}} literally?";
        String rendered = prompts.render("context", Map.of("now", "Sunday", "zone", "UTC", "memories", "none", "reply_format", "",
                "message", message));
        assertThat(rendered).endsWith(message).contains("It is Sunday (UTC).");
    }

    @Test
    void aMissingValueIsAnError() {
        assertThatThrownBy(() -> prompts.render("context", Map.of("now", "Sunday")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no value for {{");
    }
}
