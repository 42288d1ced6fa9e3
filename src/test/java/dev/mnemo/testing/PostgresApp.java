package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** The whole application on the machine's PostgreSQL, in a schema of its own, offline, on a random port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface PostgresApp {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "assistant.data-dir=" + TestDatabases.sqliteDataDir().resolve("pg-instance"),
                    "assistant.api-token=" + SqliteApp.API_TOKEN,
                    "assistant.db.url=" + TestDatabases.postgresUrl(),
                    "assistant.db.user=" + TestDatabases.PG_USER,
                    "assistant.db.password=" + TestDatabases.PG_PASSWORD,
                    "spring.flyway.schemas=" + TestDatabases.PG_SCHEMA,
                    "assistant.providers.anthropic.api-key=",
                    "assistant.providers.openai.api-key=",
                    "assistant.providers.openai.base-url=");
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    TestDatabases.dropPostgresSchema();
                }
            });
        }
    }
}
