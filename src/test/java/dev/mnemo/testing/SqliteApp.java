package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The whole application on the embedded SQLite database, offline (no model configured), on a random port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface SqliteApp {
    String API_TOKEN = "test-api-token-0123456789";

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "offline";
        }
    }
}
