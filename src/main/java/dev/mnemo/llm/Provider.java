package dev.mnemo.llm;

enum Provider {
    ANTHROPIC, OPENAI;

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
