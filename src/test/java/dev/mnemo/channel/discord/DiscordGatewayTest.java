package dev.mnemo.channel.discord;

import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.channel.ChannelGatewayContract;
import dev.mnemo.testing.DiscordApp;
import dev.mnemo.testing.FakeDiscord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The Discord adapter (the real JDA) against Discord's REST API and gateway on loopback; parts of at most 2,000. */
@DiscordApp
class DiscordGatewayTest extends ChannelGatewayContract {
    private static final FakeDiscord DISCORD = FakeDiscord.shared();

    @Autowired
    DiscordGateway discord;

    @BeforeEach
    void connected() {
        DISCORD.awaitReady(Duration.ofSeconds(30));
    }

    @Override
    protected ChannelGateway gateway() {
        return discord;
    }

    @Override
    protected String newAddress() {
        return FakeDiscord.snowflake();
    }

    @Override
    protected String refusedAddress() {
        return "42"; // no such user
    }

    @Override
    protected List<String> received(String address) {
        String channel = DISCORD.dmChannelOf(address);
        return channel == null ? List.of() : DISCORD.postedMessages(channel);
    }

    @Override
    protected int maxPart() {
        return 2000;
    }
}
