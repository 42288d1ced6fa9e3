package dev.mnemo.conversation;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeAnthropicApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /channel only takes a channel that can reach the person; /name is what the prompts call them; emoji count once. */
@FakeAnthropicApp
class PersonSettingsCommandsTest {
    @LocalServerPort
    int port;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        api = new Api(port, SqliteApp.API_TOKEN);
        user = "settings-" + UUID.randomUUID();
    }

    @Test
    void aChannelThatIsNotConfiguredIsRefusedAndTheChoiceStaysAsItWas() {
        assertThat(reply("/channel sms")).contains("sms is not set up").doesNotContain("will reach you on sms");
        assertThat(reply("/channel discord")).contains("discord is not set up");
        assertThat(reply("/channel")).contains("where you last wrote from");

        assertThat(reply("/channel web")).isEqualTo("Reminders and check-ins will reach you on web.");
        assertThat(reply("/channel")).contains("on web");
        assertThat(reply("/channel sms")).contains("sms is not set up").endsWith("You're still reached on web.");
        assertThat(reply("/channel")).contains("on web");
        assertThat(reply("/channel pigeon")).contains("sms, discord or web");
    }

    @Test
    void theNameGivenIsWhatThePromptCallsThemTheUserIdUntilThen() {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Hi there!", 50, 5, 0, 0)));
        assertThat(reply("/name")).isEqualTo("I call you " + user + ". Change it with /name <name>, e.g. /name Priya.");
        reply("hi");
        assertThat(lastSystemPrompt()).contains("You are Mnemo, " + user + "'s personal assistant");

        assertThat(reply("/name   Priya  ")).isEqualTo("I'll call you Priya.");
        reply("hello again");

        assertThat(lastSystemPrompt()).contains("You are Mnemo, Priya's personal assistant").doesNotContain(user);
        assertThat(reply("/name a\u0007b")).startsWith("I can't use that name");
        assertThat(reply("/name " + "x".repeat(61))).startsWith("I can't use that name");
        assertThat(reply("/name")).startsWith("I call you Priya.");
    }

    @Test
    void theLengthLimitCountsCodePointsSoAnEmojiIsOneCharacter() {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
        String atTheLimit = "/remember " + emoji.repeat(16_000 - "/remember ".length());
        assertThat(api.message(user, atTheLimit).status()).isEqualTo(200);

        Api.Response over = api.message(user, atTheLimit + "x");
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json().get("error").asString()).isEqualTo("That message is too long for me (16001 characters; at most 16000). Could you shorten it?");
    }

    private String reply(String text) {
        Api.Response response = api.message(user, text);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("reply").asString();
    }

    private String lastSystemPrompt() {
        var requests = requestsFor(ANTHROPIC_PATH, CHEAP);
        return requests.get(requests.size() - 1).getBodyAsString();
    }
}
