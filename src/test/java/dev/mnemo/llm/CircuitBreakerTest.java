package dev.mnemo.llm;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicError;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicBreakerApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FakeAnthropicBreakerApp
class CircuitBreakerTest {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aFailingModelIsSkippedWhileItsCircuitIsOpenAndTriedAgainAfterwards() {
        FakeModelServer.reset();
        Api api = new Api(port, SqliteApp.API_TOKEN);
        server().stubFor(anthropic(SMART).willReturn(anthropicError(500, "api_error")));
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "cheap answer", 10, 10, 0, 0)));
        String complex = "Help me plan my garden for spring.";

        api.message("breaker", complex);
        api.message("breaker", complex);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).hasSize(2);

        assertThat(api.message("breaker", complex).json().get("model").asString()).isEqualTo(CHEAP);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).as("open circuit: smart model not called").hasSize(2);

        clock.advance(Duration.ofSeconds(61));
        server().stubFor(anthropic(SMART).willReturn(anthropicReply(SMART, "smart answer", 10, 10, 0, 0)));
        assertThat(api.message("breaker", complex).json().get("model").asString()).isEqualTo(SMART);
        assertThat(requestsFor(ANTHROPIC_PATH, SMART)).hasSize(3);
    }
}
