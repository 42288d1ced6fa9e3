package dev.mnemo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.channel.internal.OptOuts;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.SmsApp;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With SMS configured, /channel sms takes only a person it has an address for, and who has not opted out. */
@SmsApp
class ChannelChoiceTest {
    @LocalServerPort
    int port;
    @Autowired
    OptOuts optOuts;

    @Test
    void aPersonWithoutAnAddressOrWhoOptedOutIsRefusedTheOthersAreTaken() {
        Api admin = new Api(port, SqliteApp.API_TOKEN);
        String stranger = "stranger-" + UUID.randomUUID();
        assertThat(reply(admin, stranger, "/channel sms")).startsWith("I have no sms address for you")
                .endsWith("You're still reached where you last wrote from.");

        optOuts.optOut("sms", SmsApp.ALICE_PHONE);
        try {
            assertThat(reply(admin, "alice", "/channel sms")).startsWith("You opted out of sms (text START there");
        } finally {
            optOuts.optIn("sms", SmsApp.ALICE_PHONE);
        }
        assertThat(reply(admin, "alice", "/channel sms")).isEqualTo("Reminders and check-ins will reach you on sms.");
        assertThat(reply(admin, "alice", "/channel auto")).contains("where you last wrote from");
    }

    private static String reply(Api api, String user, String text) {
        Api.Response response = api.message(user, text);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("reply").asString();
    }
}
