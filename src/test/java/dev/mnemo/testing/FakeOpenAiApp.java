package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

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

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "assistant.data-dir=" + TestDatabases.sqliteDataDir().resolve("openai"),
                    "assistant.api-token=" + SqliteApp.API_TOKEN,
                    "assistant.db.url=",
                    "assistant.providers.anthropic.api-key=",
                    "assistant.providers.openai.api-key=" + FakeModelServer.OPENAI_KEY,
                    "assistant.providers.openai.base-url=" + FakeModelServer.baseUrl() + "/v1",
                    "assistant.models.cheap=" + CHEAP,
                    "assistant.models.smart=" + SMART,
                    "assistant.models.retry.initial-backoff=10ms");
        }
    }
}
