package dev.mnemo.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.channel.ChannelGatewayContract;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeTwilio;
import dev.mnemo.testing.SmsApp;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The Twilio adapter (the Twilio SDK) against Twilio's Messages API on loopback; parts of at most 500 characters here. */
@SmsApp
class TwilioGatewayTest extends ChannelGatewayContract {
    private static final String INVALID = "+15550000000";

    @Autowired
    TwilioGateway twilio;

    @BeforeEach
    void twilioAnswers() {
        FakeTwilio.acceptMessages();
        FakeModelServer.server().stubFor(post(urlEqualTo(FakeTwilio.MESSAGES_PATH)).atPriority(0)
                .withFormParam("To", equalTo(INVALID))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 21211, "message": "The 'To' number +15550000000 is not a valid phone number.",
                         "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""")));
    }

    @Override
    protected ChannelGateway gateway() {
        return twilio;
    }

    @Override
    protected String newAddress() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    @Override
    protected String refusedAddress() {
        return INVALID;
    }

    @Override
    protected List<String> received(String address) {
        return FakeTwilio.sent().stream().filter(m -> address.equals(m.get("To"))).map(m -> m.get("Body")).toList();
    }

    @Override
    protected int maxPart() {
        return 500;
    }
}
