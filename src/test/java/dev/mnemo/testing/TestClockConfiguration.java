package dev.mnemo.testing;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every test context runs on a {@link MutableClock} starting mid-month, 2026-11-15 10:00 UTC. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    public static final Instant START = Instant.parse("2026-11-15T10:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
