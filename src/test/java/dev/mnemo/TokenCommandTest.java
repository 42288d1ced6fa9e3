package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.security.PersonTokens;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code token create|list|revoke} against the running application's database: what it prints works on the API. */
@SqliteApp
@ExtendWith(OutputCaptureExtension.class)
class TokenCommandTest {
    private static final Pattern SECRET = Pattern.compile("mnemo_[A-Za-z0-9_-]{43}");

    @LocalServerPort
    int port;
    @Autowired
    PersonTokens tokens;

    @Test
    void aCreatedTokenIsShownOnceReachesItsPersonAndStopsWhenRevoked(CapturedOutput output) {
        String user = "cli-" + UUID.randomUUID();
        assertThat(run("create", "--user", user, "--name", "laptop")).isZero();
        Matcher secret = SECRET.matcher(output.getOut());
        assertThat(secret.find()).as(output.getOut()).isTrue();
        Api api = new Api(port, secret.group());
        assertThat(api.get("/api/v1/memories").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/memories?userId=someone-else").status()).isEqualTo(403);

        int printed = output.getOut().length();
        assertThat(run("list", "--user", user)).isZero();
        String listing = output.getOut().substring(printed);
        String id = tokens.list(user).getFirst().id();
        assertThat(listing).contains(id, user, "laptop", "active").doesNotContain("mnemo_");

        assertThat(run("revoke", id)).isZero();
        assertThat(api.get("/api/v1/memories").status()).isEqualTo(401);
        assertThat(run("revoke", id)).isEqualTo(1);
        int beforeList = output.getOut().length();
        assertThat(run("list", "--user", user)).isZero();
        assertThat(output.getOut().substring(beforeList)).contains(id, "revoked 20");
    }

    @Test
    void malformedCommandLinesAreUsageErrors() {
        assertThat(TokenCommand.parse(new String[] {"create"})).isNull();
        assertThat(TokenCommand.parse(new String[] {"create", "--name", "x"})).isNull();
        assertThat(TokenCommand.parse(new String[] {"revoke"})).isNull();
        assertThat(TokenCommand.parse(new String[] {"list", "--colour", "red"})).isNull();
        assertThat(TokenCommand.parse(new String[] {"delete", "x"})).isNull();
        assertThat(run("create", "--user", "bad\u0001id")).isEqualTo(2);
    }

    private int run(String... args) {
        return TokenCommand.execute(TokenCommand.parse(args), tokens);
    }
}
