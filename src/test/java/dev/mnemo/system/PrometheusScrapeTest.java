package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestDatabases;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live Prometheus endpoint: served with the admin token, carries the metrics the alert rules and the dashboard
 * in {@code deploy/} use, and passes {@code promtool check metrics} (Debian package {@code prometheus}; required
 * in CI, skipped with a message elsewhere when absent).
 */
@SqliteApp
class PrometheusScrapeTest {
    @LocalServerPort
    int port;

    @Test
    void theScrapePassesPromtoolAndCarriesWhatTheAlertsUse() throws Exception {
        Api api = new Api(port, SqliteApp.API_TOKEN);
        api.message("metrics-user", "/help"); // counters appear with their first increment
        Api.Response scrape = api.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("mnemo_messages_total{", "mnemo_backup_last_success", "mnemo_memory_jobs_pending",
                "mnemo_memory_stored{", "logback_events_total{");

        Path promtool = promtool();
        Path file = Files.createTempFile("scrape", ".txt");
        Files.writeString(file, scrape.body(), StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    private static Path promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        TestDatabases.require(false, "promtool is not installed (apt-get install prometheus; .ci/run does it)");
        return null;
    }
}
