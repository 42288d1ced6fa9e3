package dev.mnemo.privacy;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** ASSISTANT_PII_MODE=redact: the provider never sees the value, the person's reply has it, logs never do. */
@FakeAnthropicApp
@TestPropertySource(properties = "assistant.privacy.mode=redact")
@ExtendWith(OutputCaptureExtension.class)
class RedactModeTest {
    @LocalServerPort
    int port;
    @Autowired
    MemoryIntake memory;

    @Test
    void theProviderSeesPlaceholdersAndTheReplyGetsTheValuesBack() {
        FakeModelServer.reset();
        // The fake answers like a model would: with the placeholder it was given.
        server().stubFor(anthropic(CHEAP).willReturn(WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("""
                        {"id": "msg_1", "type": "message", "role": "assistant", "model": "%s", "stop_reason": "end_turn",
                         "content": [{"type": "text", "text": "Noted: I'll write to {{regexExtract request.body '.EMAIL_[0-9a-f]{4}_1.'}}."}],
                         "usage": {"input_tokens": 300, "output_tokens": 10}}""".formatted(CHEAP))));
        String user = "pii-" + UUID.randomUUID();

        String reply = new Api(port, SqliteApp.API_TOKEN).message(user, "hi, my email is ana.silva@example.com").json()
                .get("reply").asString();

        assertThat(reply).isEqualTo("Noted: I'll write to ana.silva@example.com.");
        String sent = requestsFor(ANTHROPIC_PATH, CHEAP).getFirst().getBodyAsString();
        assertThat(sent).doesNotContain("ana.silva@example.com").containsPattern("\\[EMAIL_[0-9a-f]{4}_1]");
    }

    @Test
    void memoriesWithPersonalDataAreFlaggedAndLogLinesRedacted(CapturedOutput output) {
        String user = "pii-" + UUID.randomUUID();
        assertThat(memory.remember(user, "My card for the gym is 4111 1111 1111 1111", null).memory().tags()).contains("sensitive");
        assertThat(memory.remember(user, "I like green tea", null).memory().tags()).doesNotContain("sensitive");

        LoggerFactory.getLogger(RedactModeTest.class).info("a log line quoting 4111 1111 1111 1111 and ana@example.com");
        assertThat(output.getAll()).contains("a log line quoting [CREDIT_CARD] and [EMAIL]")
                .doesNotContain("ana@example.com");
    }
}
