package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Readiness reports the database, the cache, the model providers and the backups. */
@SqliteApp
class HealthTest {
    @LocalServerPort
    int port;

    @Test
    void readinessNamesWhatItChecked() {
        Api anonymous = new Api(port, "");
        Api.Response publicView = anonymous.send(anonymous.request("/actuator/health/readiness").GET());
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().has("components")).as("components are for the admin token").isFalse();

        Api.Response readiness = new Api(port, SqliteApp.API_TOKEN).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.propertyNames()).contains("db", "cache", "modelProvider", "backup", "readinessState");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("cache").get("status").asString()).isEqualTo("UP");
        // No key in this application: said as such, and the whole is still UP (commands work).
        assertThat(components.get("modelProvider").get("status").asString()).isEqualTo("NOT_CONFIGURED");
        assertThat(components.get("modelProvider").get("description").asString()).contains("ANTHROPIC_API_KEY");
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }
}
