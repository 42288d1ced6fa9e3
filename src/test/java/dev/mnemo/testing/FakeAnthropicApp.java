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
 * The application on SQLite with Anthropic configured against {@link FakeModelServer}: short backoffs, a
 * one-second timeout, and a circuit breaker that only opens after many calls.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FakeAnthropicApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface FakeAnthropicApp {
    String CHEAP = "claude-haiku-4-5";
    String SMART = "claude-sonnet-4-5";

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "anthropic";
        }

        @Override
        List<String> properties() {
            return fakeAnthropic(
                    "assistant.models.timeout=1s",
                    "assistant.models.retry.max-attempts=3",
                    "assistant.models.retry.initial-backoff=20ms",
                    "assistant.models.retry.max-backoff=2s",
                    "assistant.models.circuit-breaker.minimum-calls=1000");
        }
    }
}
