package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link FakeAnthropicApp} on the machine's PostgreSQL, in a schema of its own (not {@link PostgresApp}'s: either
 * context may be closed while the other still runs), dropped when the context closes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FakeAnthropicPostgresApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface FakeAnthropicPostgresApp {

    String SCHEMA = TestDatabases.PG_SCHEMA + "_llm";

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "pg-anthropic";
        }

        @Override
        List<String> properties() {
            List<String> all = new ArrayList<>(List.of(
                    "assistant.db.url=" + TestDatabases.PG_URL + (TestDatabases.PG_URL.contains("?") ? "&" : "?")
                            + "currentSchema=" + SCHEMA,
                    "assistant.db.user=" + TestDatabases.PG_USER,
                    "assistant.db.password=" + TestDatabases.PG_PASSWORD,
                    "spring.flyway.schemas=" + SCHEMA));
            all.addAll(fakeAnthropic());
            return all;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    TestDatabases.dropPostgresSchema(SCHEMA);
                }
            });
        }
    }
}
