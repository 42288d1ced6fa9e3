package dev.mnemo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application with its gateway bot (the real JDA) connected to {@link FakeDiscord#shared()}, the chat answered
 * by the fake Anthropic API ({@link FakeModelServer}), alice allowed on Discord, 3 messages a minute.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DiscordApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface DiscordApp {
    String ALICE_DISCORD = SmsApp.ALICE_DISCORD;

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "discord";
        }

        @Override
        List<String> properties() {
            FakeDiscord discord = FakeDiscord.shared();
            return fakeAnthropic(
                    "assistant.discord.bot-token=" + FakeDiscord.BOT_TOKEN,
                    "assistant.discord.api-base-url=" + discord.restUrl(),
                    "assistant.discord.gateway-url=" + discord.gatewayUrl(),
                    "assistant.channels.allowed-senders=discord:" + ALICE_DISCORD + "=alice",
                    "assistant.channels.rate-limit.per-minute=3");
        }
    }
}
