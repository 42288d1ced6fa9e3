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
 * The application with SMS configured against a fake Twilio REST API ({@link FakeTwilio}, on the same loopback
 * WireMock as the fake Anthropic API, which answers the chat), Discord's interactions endpoint with a known
 * key, alice allowed on SMS and Discord, and a rate limit of 3 messages a minute.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SmsApp.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface SmsApp {
    String ALICE_PHONE = "+15557654321";
    String ALICE_DISCORD = "81234567890";
    String PUBLIC_URL = "https://mnemo.example.com";
    /** RFC 8032 test 1's key (key A of ../shared/data/signatures/discord.json). */
    String DISCORD_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    String DISCORD_PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    class Initializer extends AppInitializer {
        @Override
        String name() {
            return "sms";
        }

        @Override
        List<String> properties() {
            return fakeAnthropic(
                    "assistant.twilio.account-sid=" + FakeTwilio.ACCOUNT_SID,
                    "assistant.twilio.auth-token=" + FakeTwilio.AUTH_TOKEN,
                    "assistant.twilio.from-number=" + FakeTwilio.FROM,
                    "assistant.twilio.api-base-url=" + FakeModelServer.baseUrl(),
                    "assistant.twilio.max-chars=500",
                    "assistant.channels.public-url=" + PUBLIC_URL,
                    "assistant.channels.allowed-senders=sms:" + ALICE_PHONE + "=alice,discord:" + ALICE_DISCORD + "=alice",
                    "assistant.channels.rate-limit.per-minute=3",
                    "assistant.discord.public-key=" + DISCORD_PUBLIC_KEY,
                    "assistant.proactive.check-ins.enabled=true");
        }
    }
}
