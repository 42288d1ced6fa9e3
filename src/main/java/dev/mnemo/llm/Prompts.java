package dev.mnemo.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Prompt templates from {@code resources/prompts/}, with {@code {{name}}} placeholders that must all be filled. */
@Component
public class Prompts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * Fills the template's placeholders in one pass: values are inserted as they are and never scanned again,
     * so a person's text containing {@code {{...}}} stays text.
     *
     * @throws IllegalStateException when the template has a placeholder without a value
     */
    public String render(String name, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(cache.computeIfAbsent(name, Prompts::load));
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " has no value for {{" + placeholder.group(1) + "}}");
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString().strip();
    }

    private static String load(String name) {
        try (InputStream in = new ClassPathResource("prompts/" + name + ".md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing prompt resource prompts/" + name + ".md", e);
        }
    }
}
