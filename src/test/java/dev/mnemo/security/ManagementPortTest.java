package dev.mnemo.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.RawHttp;
import dev.mnemo.testing.SqliteApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code MANAGEMENT_SERVER_PORT} the actuator moves there: Prometheus scrapes it without a token, the API port no longer serves it. */
@SqliteApp
class ManagementPortTest {
    static final int MANAGEMENT_PORT = freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
        registry.add("management.server.address", () -> "127.0.0.1");
    }

    @Test
    void prometheusIsOpenOnTheManagementPortOnlyAndTheApiPortStillNeedsTokens() {
        RawHttp management = new RawHttp(MANAGEMENT_PORT);
        RawHttp.Response scrape = management.send("GET", "/actuator/prometheus", Map.of(), null);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("mnemo_");
        assertThat(management.send("GET", "/actuator/health", Map.of(), null).status()).isEqualTo(200);
        assertThat(management.send("GET", "/actuator;/prometheus", Map.of(), null).status()).isEqualTo(400);
        for (String bad : new String[] {"/actuator/prometheus?includedNames=%ZZ", "/actuator/%C3%28", "/actuator/health?x=%ED%A0%80"}) {
            RawHttp.Response refused = management.send("GET", bad, Map.of(), null);
            assertThat(refused.status()).as(bad).isBetween(400, 499);
            assertThat(EdgeSecurityContract.isJsonError(refused)).as(bad + ": " + refused.body()).isTrue();
        }

        RawHttp api = new RawHttp(port);
        assertThat(api.send("GET", "/actuator/prometheus", Map.of("Authorization", "Bearer " + SqliteApp.API_TOKEN), null)
                .status()).isIn(401, 404);
        assertThat(api.send("GET", "/api/v1/memories?userId=x", Map.of(), null).status()).isEqualTo(401);
        assertThat(new Api(port, SqliteApp.API_TOKEN).get("/api/v1/memories?userId=x").status()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
