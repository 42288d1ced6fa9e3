package dev.mnemo.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Provider credentials. Never logged; {@link #toString()} of each part hides the key. */
@ConfigurationProperties("assistant.providers")
record ProviderProperties(Endpoint anthropic, Endpoint openai) {

    record Endpoint(String apiKey, String baseUrl) {
        boolean hasKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        boolean hasBaseUrl() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        @Override
        public String toString() {
            return "Endpoint[apiKey=" + (hasKey() ? "***" : "unset") + ", baseUrl=" + baseUrl + "]";
        }
    }

    ProviderProperties {
        anthropic = anthropic == null ? new Endpoint(null, null) : anthropic;
        openai = openai == null ? new Endpoint(null, null) : openai;
    }

    /** Anthropic needs a key; an OpenAI-compatible local server (Ollama, llama.cpp, vLLM) may need only a URL. */
    boolean configured(Provider provider) {
        return switch (provider) {
            case ANTHROPIC -> anthropic.hasKey();
            case OPENAI -> openai.hasKey() || openai.hasBaseUrl();
        };
    }
}
