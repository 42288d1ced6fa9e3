package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The application as a user runs it — SQLite, offline, background work on — for benchmarks. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = BenchApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface BenchApp {

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "bench";
        }

        @Override
        List<String> properties() {
            return List.of("assistant.memory.background-jobs=true");
        }
    }
}
