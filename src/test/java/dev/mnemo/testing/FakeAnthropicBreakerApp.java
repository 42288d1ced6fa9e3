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

/** Like {@link FakeAnthropicApp}, with a circuit breaker that opens after two failed calls for 60 s, no retries. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FakeAnthropicBreakerApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface FakeAnthropicBreakerApp {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "assistant.data-dir=" + TestDatabases.sqliteDataDir().resolve("breaker"),
                    "assistant.api-token=" + SqliteApp.API_TOKEN,
                    "assistant.db.url=",
                    "assistant.providers.anthropic.api-key=" + FakeModelServer.ANTHROPIC_KEY,
                    "assistant.providers.anthropic.base-url=" + FakeModelServer.baseUrl(),
                    "assistant.providers.openai.api-key=",
                    "assistant.providers.openai.base-url=",
                    "assistant.models.cheap=" + FakeAnthropicApp.CHEAP,
                    "assistant.models.smart=" + FakeAnthropicApp.SMART,
                    "assistant.models.retry.max-attempts=1",
                    "assistant.models.circuit-breaker.minimum-calls=2",
                    "assistant.models.circuit-breaker.failure-rate-threshold=50",
                    "assistant.models.circuit-breaker.open-for=60s");
        }
    }
}
