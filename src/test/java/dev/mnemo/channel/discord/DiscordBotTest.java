package dev.mnemo.channel.discord;

import static dev.mnemo.testing.DiscordApp.ALICE_DISCORD;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mnemo.testing.DiscordApp;
import dev.mnemo.testing.FakeDiscord;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import java.time.Duration;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The gateway bot end to end on a wire-level fake Discord: a DM in through the gateway, the answer out through REST. */
@DiscordApp
@ExtendWith(OutputCaptureExtension.class)
class DiscordBotTest {
    private static final FakeDiscord DISCORD = FakeDiscord.shared();
    private static final String REPLY = "Hi Alice! Answered from Discord.";

    @Autowired
    MutableClock clock;

    @BeforeEach
    void setUp() {
        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, REPLY, 300, 10, 0, 0)));
        clock.advance(Duration.ofMinutes(5)); // a fresh rate-limit minute for every test
        DISCORD.awaitReady(Duration.ofSeconds(30));
    }

    @Test
    void aDirectMessageFromAnAllowedUserIsAnsweredByDm() {
        String channel = FakeDiscord.snowflake();

        DISCORD.sendDirectMessage(ALICE_DISCORD, channel, "hello from discord");

        assertThat(DISCORD.awaitPostedMessage(channel)).isEqualTo(REPLY);
    }

    @Test
    void theBotIdentifiesWithoutPrivilegedIntentsAndRegistersTheSlashCommands() {
        long needed = GatewayIntent.getRaw(GatewayIntent.DIRECT_MESSAGES, GatewayIntent.GUILD_MESSAGES);
        long privileged = GatewayIntent.getRaw(GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MEMBERS,
                GatewayIntent.GUILD_PRESENCES);
        assertThat(DISCORD.identifiedIntents()).isNotEmpty()
                .allMatch(intents -> (intents & needed) == needed && (intents & privileged) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> DISCORD.requests().stream()
                .anyMatch(r -> r.is("PUT", "applications/" + FakeDiscord.BOT_ID + "/commands")));
        assertThat(DISCORD.requests()).filteredOn(r -> r.is("PUT", "applications/" + FakeDiscord.BOT_ID + "/commands"))
                .first().satisfies(r -> assertThat(r.body()).contains("\"name\":\"remember\"", "\"name\":\"forget\""));
        assertThat(DISCORD.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bot " + FakeDiscord.BOT_TOKEN));
    }

    @Test
    void aStrangerGetsNoAnswer(CapturedOutput output) {
        String channel = FakeDiscord.snowflake();

        String id = DISCORD.sendDirectMessage("99999", channel, "who is this?");

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("Ignored a discord message (" + id + ")"));
        assertThat(DISCORD.postedMessages(channel)).isEmpty();
    }

    @Test
    void oneMessageDeliveredTwiceIsAnsweredOnce(CapturedOutput output) {
        String channel = FakeDiscord.snowflake();

        String id = DISCORD.sendDirectMessage(ALICE_DISCORD, channel, "once, please");
        DISCORD.sendDirectMessage(ALICE_DISCORD, channel, "once, please", id);

        assertThat(DISCORD.awaitPostedMessage(channel)).isEqualTo(REPLY);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("delivered message " + id + " again"));
        assertThat(DISCORD.postedMessages(channel)).hasSize(1);
    }

    @Test
    void afterALostConnectionTheBotResumesAndAnswersAgain() {
        DISCORD.disconnect(4000);
        DISCORD.awaitReady(Duration.ofSeconds(30));
        String channel = FakeDiscord.snowflake();

        DISCORD.sendDirectMessage(ALICE_DISCORD, channel, "still there?");

        assertThat(DISCORD.awaitPostedMessage(channel)).isEqualTo(REPLY);
    }
}
