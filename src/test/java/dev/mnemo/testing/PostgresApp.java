package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The whole application on the machine's PostgreSQL, in a schema of its own, offline, on a random port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface PostgresApp {

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "pg-instance";
        }

        @Override
        List<String> properties() {
            return List.of(
                    "assistant.db.url=" + TestDatabases.postgresUrl(),
                    "assistant.db.user=" + TestDatabases.PG_USER,
                    "assistant.db.password=" + TestDatabases.PG_PASSWORD,
                    "spring.flyway.schemas=" + TestDatabases.PG_SCHEMA);
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    TestDatabases.dropPostgresSchema();
                }
            });
        }
    }
}
