package dev.mnemo.llm;

import java.util.Locale;

enum Provider {
    ANTHROPIC, OPENAI;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
