package dev.mnemo.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.testing.FakeModelServer;
import io.sentry.Sentry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With SENTRY_DSN, an ERROR log line reaches Sentry (a fake one on loopback) with the person's data redacted. */
class ErrorReportingTest {

    @Test
    void errorsReachSentryWithoutPersonalData() throws Exception {
        FakeModelServer.reset();
        FakeModelServer.server().stubFor(post(urlPathMatching("/api/42/envelope/?")).willReturn(aResponse().withStatus(200)));
        ErrorReporting reporting = new ErrorReporting("http://publickey@127.0.0.1:" + FakeModelServer.server().port() + "/42", "test");
        try {
            LoggerFactory.getLogger("dev.mnemo.example").error("Sending to ana.silva@example.com failed",
                    new IllegalStateException("card 4111 1111 1111 1111 refused"));
            Sentry.flush(5_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> !sent().isEmpty());
            String envelope = body(sent().getFirst());
            assertThat(envelope).contains("Sending to [EMAIL] failed", "IllegalStateException")
                    .doesNotContain("ana.silva@example.com").doesNotContain("4111 1111");
        } finally {
            reporting.destroy();
        }
    }

    private static List<LoggedRequest> sent() {
        return FakeModelServer.server().findAll(postRequestedFor(urlPathMatching("/api/42/envelope/?")));
    }

    private static String body(LoggedRequest request) throws Exception {
        byte[] raw = request.getBody();
        if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) { // gzip, unless WireMock undid it
            raw = new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
