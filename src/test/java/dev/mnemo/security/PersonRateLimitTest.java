package dev.mnemo.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A person's token gets so many API requests a minute (all their tokens together); the admin token is not limited. */
@SqliteApp
@TestPropertySource(properties = "assistant.api.requests-per-minute=5")
class PersonRateLimitTest {
    @LocalServerPort
    int port;
    @Autowired
    PersonTokens tokens;
    @Autowired
    MutableClock clock;

    @Test
    void pastTheLimitA429WithRetryAfterThenTheMinuteRefills() {
        String user = "limited-" + UUID.randomUUID();
        Api laptop = new Api(port, tokens.create(user, "laptop").secret());
        Api phone = new Api(port, tokens.create(user, "phone").secret());
        Api someoneElse = new Api(port, tokens.create("other-" + user, "laptop").secret());
        for (int i = 0; i < 3; i++) {
            assertThat(laptop.get("/api/v1/inbox").status()).isEqualTo(200);
        }
        assertThat(phone.post("/api/v1/messages", "{\"text\":\"/help\"}").status()).isEqualTo(200);
        assertThat(phone.get("/api/v1/inbox").status()).isEqualTo(200);

        Api.Response refused = laptop.send(laptop.authorizedRequest("/api/v1/inbox").GET());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().get("error").asString()).startsWith("too many requests: at most 5 a minute");
        assertThat(phone.post("/api/v1/messages", "{\"text\":\"/help\"}").status()).as("nothing done past the limit").isEqualTo(429);
        assertThat(someoneElse.get("/api/v1/inbox").status()).as("each person has their own").isEqualTo(200);
        Api admin = new Api(port, SqliteApp.API_TOKEN);
        for (int i = 0; i < 10; i++) {
            assertThat(admin.get("/api/v1/inbox?userId=" + user).status()).isEqualTo(200);
        }

        clock.advance(Duration.ofMinutes(1));
        assertThat(laptop.get("/api/v1/inbox").status()).isEqualTo(200);
    }
}
