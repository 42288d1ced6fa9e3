package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** Like {@link FakeAnthropicApp}, with a circuit breaker that opens after two failed calls for 60 s, no retries. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FakeAnthropicBreakerApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface FakeAnthropicBreakerApp {

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "breaker";
        }

        @Override
        List<String> properties() {
            return fakeAnthropic(
                    "assistant.models.retry.max-attempts=1",
                    "assistant.models.circuit-breaker.minimum-calls=2",
                    "assistant.models.circuit-breaker.failure-rate-threshold=50",
                    "assistant.models.circuit-breaker.open-for=60s");
        }
    }
}
