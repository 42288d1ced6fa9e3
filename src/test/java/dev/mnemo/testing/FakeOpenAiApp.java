package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application with only an OpenAI-compatible endpoint configured ({@link FakeModelServer}); the smart
 * model has no price in the table, on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FakeOpenAiApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface FakeOpenAiApp {
    String CHEAP = "gpt-4o-mini";
    String SMART = "gpt-unpriced-large";

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "openai";
        }

        @Override
        List<String> properties() {
            return List.of(
                    "assistant.providers.openai.api-key=" + FakeModelServer.OPENAI_KEY,
                    "assistant.providers.openai.base-url=" + FakeModelServer.baseUrl() + "/v1",
                    "assistant.models.cheap=" + CHEAP,
                    "assistant.models.smart=" + SMART,
                    "assistant.models.retry.initial-backoff=10ms");
        }
    }
}
