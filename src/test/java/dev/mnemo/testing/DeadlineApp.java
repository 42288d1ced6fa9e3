package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** Like {@link FakeAnthropicApp}, with a 3-second reply deadline and attempts that would each wait 10 s. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DeadlineApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface DeadlineApp {
    long DEADLINE_SECONDS = 3;

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "deadline";
        }

        @Override
        List<String> properties() {
            return fakeAnthropic(
                    "assistant.conversation.reply-deadline=" + DEADLINE_SECONDS + "s",
                    "assistant.models.timeout=10s",
                    "assistant.models.retry.max-attempts=4",
                    "assistant.models.retry.initial-backoff=20ms",
                    "assistant.models.circuit-breaker.minimum-calls=1000");
        }
    }
}
