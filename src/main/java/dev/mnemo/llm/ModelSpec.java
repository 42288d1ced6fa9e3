package dev.mnemo.llm;

import java.util.Locale;

/** A configured model name resolved to the provider that serves it. */
record ModelSpec(Provider provider, String name) {

    static ModelSpec parse(String configured) {
        String value = configured.trim();
        int colon = value.indexOf(':');
        if (colon > 0) {
            String prefix = value.substring(0, colon).toLowerCase(Locale.ROOT);
            String name = value.substring(colon + 1).trim();
            return switch (prefix) {
                case "anthropic" -> new ModelSpec(Provider.ANTHROPIC, name);
                case "openai" -> new ModelSpec(Provider.OPENAI, name);
                // Ollama tags contain colons (llama3.2:3b): only known prefixes are providers.
                default -> new ModelSpec(bare(value), value);
            };
        }
        return new ModelSpec(bare(value), value);
    }

    private static Provider bare(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("claude") ? Provider.ANTHROPIC : Provider.OPENAI;
    }

    @Override
    public String toString() {
        return provider.id() + ":" + name;
    }
}
