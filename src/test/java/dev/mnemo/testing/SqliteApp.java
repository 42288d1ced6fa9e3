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

/** The whole application on the embedded SQLite database, offline (no model configured), on a random port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface SqliteApp {
    String API_TOKEN = "test-api-token-0123456789";

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "assistant.data-dir=" + TestDatabases.sqliteDataDir(),
                    "assistant.api-token=" + API_TOKEN,
                    "assistant.db.url=",
                    "assistant.providers.anthropic.api-key=",
                    "assistant.providers.openai.api-key=",
                    "assistant.providers.openai.base-url=");
        }
    }
}
