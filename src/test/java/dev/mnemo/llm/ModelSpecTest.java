package dev.mnemo.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void resolvesTheProviderFromThePrefixOrTheName() {
        assertThat(ModelSpec.parse("claude-haiku-4-5")).isEqualTo(new ModelSpec(Provider.ANTHROPIC, "claude-haiku-4-5"));
        assertThat(ModelSpec.parse("gpt-4o-mini")).isEqualTo(new ModelSpec(Provider.OPENAI, "gpt-4o-mini"));
        assertThat(ModelSpec.parse("openai:claude-proxy")).isEqualTo(new ModelSpec(Provider.OPENAI, "claude-proxy"));
        assertThat(ModelSpec.parse("anthropic:claude-x")).isEqualTo(new ModelSpec(Provider.ANTHROPIC, "claude-x"));
        assertThat(ModelSpec.parse("llama3.2:3b")).isEqualTo(new ModelSpec(Provider.OPENAI, "llama3.2:3b"));
    }

    @Test
    void anthropicBaseUrlIsTheSdkStyleRootPlusTheApiVersion() {
        assertThat(ChatModelFactory.anthropicBaseUrl(null)).isEqualTo("https://api.anthropic.com/v1/");
        assertThat(ChatModelFactory.anthropicBaseUrl("http://127.0.0.1:9999/")).isEqualTo("http://127.0.0.1:9999/v1/");
        assertThat(ChatModelFactory.anthropicBaseUrl("https://proxy.example/v1")).isEqualTo("https://proxy.example/v1/");
    }
}
