package dev.mnemo.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ModelProviderHealthTest {
    private final MutableClock clock = new MutableClock(TestClockConfiguration.START);

    @Test
    void anUnreachableProviderIsDegradedAndCheckedAgainOnlyAfterAWhile() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens there once closed
        }
        ModelProviderHealth health = new ModelProviderHealth(new ProviderProperties(
                new ProviderProperties.Endpoint("sk-test", "http://127.0.0.1:" + closed), null), clock);

        assertThat(health.health().getStatus()).isEqualTo(ModelProviderHealth.DEGRADED);
        assertThat(health.health().getDetails()).containsEntry("anthropic", "unreachable");
    }

    @Test
    void aReachableProviderIsUpAndTheAnswerIsCached() {
        ModelProviderHealth health = new ModelProviderHealth(new ProviderProperties(
                new ProviderProperties.Endpoint("sk-test", FakeModelServer.baseUrl()), null), clock);
        int before = FakeModelServer.server().getAllServeEvents().size();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        health.health();
        assertThat(FakeModelServer.server().getAllServeEvents().size() - before).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6));
        health.health();
        assertThat(FakeModelServer.server().getAllServeEvents().size() - before).isEqualTo(2);
    }

    @Test
    void withoutAProviderItSaysNotConfiguredNotUp() {
        ModelProviderHealth health = new ModelProviderHealth(new ProviderProperties(null, null), clock);
        assertThat(health.health().getStatus()).isEqualTo(ModelProviderHealth.NOT_CONFIGURED).isNotEqualTo(Status.UP);
        assertThat(health.health().getStatus().getDescription()).contains("ANTHROPIC_API_KEY");
    }
}
