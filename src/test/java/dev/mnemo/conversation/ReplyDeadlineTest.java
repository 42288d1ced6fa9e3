package dev.mnemo.conversation;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.DeadlineApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A model server that accepts the call and never answers in time: the person hears the notice within the reply
 * deadline (plus 2 s), whatever the route, and the message waits for its late answer.
 */
@DeadlineApp
class ReplyDeadlineTest {
    private static final String CLASSIFIER_MARKER = "Classify a message sent to a personal assistant";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
            "SIMPLE, hey how are you doing today",
            "COMPLEX, Write a detailed plan for my two-week trip to Japan with a budget",
            "TOOL, remind me tomorrow at 9am to call the dentist",
            // the local rules are unsure of a longer message without a signal: the cheap model is asked to classify,
            // and hangs (or gives up, leaving the rules' guess, and the answer hangs): the notice still comes in time
            "ANY, so yesterday at the bakery i saw a cake taller than the ones from last month and the baker said it took almost three days to make is that normal"})
    void theNoticeComesWithinTheDeadline(String route, String text) {
        FakeModelServer.reset();
        for (String model : new String[] {CHEAP, SMART}) {
            server().stubFor(anthropic(model).willReturn(anthropicReply(model, "too late", 100, 10, 0, 0)
                    .withFixedDelay(9_000)));
        }
        Api api = new Api(port, SqliteApp.API_TOKEN);

        long started = System.nanoTime();
        Api.Response response = api.message("deadline-" + UUID.randomUUID(), text);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        if (!route.equals("ANY")) {
            assertThat(response.json().get("route").asString()).isEqualTo(route);
        }
        assertThat(response.json().get("reply").asString()).startsWith("I couldn't reach my model");
        assertThat(tookMillis).isLessThan((DeadlineApp.DEADLINE_SECONDS + 2) * 1000);
        if (text.startsWith("so yesterday at the bakery")) {
            assertThat(requestsFor(ANTHROPIC_PATH, CHEAP)).as("the classifier was asked, and hung")
                    .anyMatch(r -> r.getBodyAsString().contains(CLASSIFIER_MARKER));
        }
    }
}
