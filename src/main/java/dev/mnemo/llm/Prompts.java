package dev.mnemo.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Prompt templates from {@code resources/prompts/}, with {@code {{name}}} placeholders that must all be filled. */
@Component
public class Prompts {
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String render(String name, Map<String, String> values) {
        String text = cache.computeIfAbsent(name, Prompts::load);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalStateException("prompt " + name + " has an unfilled placeholder");
        }
        return text.strip();
    }

    private static String load(String name) {
        try (InputStream in = new ClassPathResource("prompts/" + name + ".md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing prompt resource prompts/" + name + ".md", e);
        }
    }
}
