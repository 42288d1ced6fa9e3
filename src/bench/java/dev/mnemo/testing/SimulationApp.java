package dev.mnemo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as configured by default (SQLite, Haiku 4.5 cheap, Sonnet 4.5 smart, the price table of
 * application.yml, prompt caching on) against {@link SimulatedAnthropic}, for the cost simulator. The budget is
 * lifted so that the simulation measures cost instead of the budget's downgrade to the cheap model.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SimulationApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface SimulationApp {

    /** The routing set: route label by message text. */
    Map<String, String> LABELS = Labels.load();
    /** The context's clock, set by the simulation once the context is up; the simulated server bills on it. */
    AtomicReference<Clock> CLOCK = new AtomicReference<>(Clock.systemUTC());
    SimulatedAnthropic SERVER = new SimulatedAnthropic(() -> CLOCK.get().instant(), LABELS::get);

    final class Labels {
        private Labels() {
        }

        static Map<String, String> load() {
            try (InputStream in = SimulationApp.class.getResourceAsStream("/routing/labelled-messages.tsv")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                        .filter(line -> !line.isBlank()).map(line -> line.split("\t", 2))
                        .collect(Collectors.toMap(row -> row[1].strip(), row -> row[0], (a, b) -> a));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "simulation";
        }

        @Override
        List<String> properties() {
            return List.of(
                    "assistant.providers.anthropic.api-key=" + FakeModelServer.ANTHROPIC_KEY,
                    "assistant.providers.anthropic.base-url=" + SERVER.baseUrl(),
                    "assistant.cost.monthly-budget-usd=1000",
                    "assistant.memory.burst-pause=5m",
                    // on, for the idle weeks after the busy month; nothing calls them before
                    "assistant.proactive.check-ins.enabled=true",
                    "assistant.channels.allowed-senders=sms:+15550000050=sim-50",
                    "assistant.user.time-zone=UTC");
        }
    }
}
