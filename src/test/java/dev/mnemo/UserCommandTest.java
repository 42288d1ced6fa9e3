package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.security.WebAccounts;
import dev.mnemo.testing.SqliteApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code user add|passwd NAME}: the password from standard input, hashed, never printed; mistakes are usage errors. */
@SqliteApp
class UserCommandTest {
    @Autowired
    WebAccounts accounts;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aPasswordPipedInIsSetOnceAndChangedWithPasswd() throws IOException {
        String user = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(run("add", user, "a long enough password\n")).isZero();
        assertThat(accounts.exists(user)).isTrue();
        assertThat(run("add", user, "another password\n")).isEqualTo(1);
        assertThat(run("passwd", user, "another password\n")).isZero();
        assertThat(run("passwd", "nobody-" + user, "another password\n")).isEqualTo(1);
        assertThat(run("add", "short-" + user, "short\n")).isEqualTo(2);
        assertThat(run("add", "long-" + user, "x".repeat(73) + "\n")).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("added " + user, "at least 8 characters", "at most 72 bytes")
                .doesNotContain("a long enough password", "another password");
    }

    @Test
    void aMissingPasswordOrAWrongCommandLineIsAUsageErrorBeforeAnythingStarts() {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThat(UserCommand.run(new String[] {"add"}, () -> {
            throw new AssertionError("no context for a usage error");
        }, null, new ByteArrayInputStream(new byte[0]), out, out)).isEqualTo(2);
        assertThat(UserCommand.run(new String[] {"remove", "x"}, () -> {
            throw new AssertionError("no context for a usage error");
        }, null, new ByteArrayInputStream(new byte[0]), out, out)).isEqualTo(2);
        assertThat(UserCommand.run(new String[] {"add", "x"}, () -> {
            throw new AssertionError("no context without a password");
        }, null, new ByteArrayInputStream(new byte[0]), out, out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("usage: user add NAME", "no password given");
    }

    private int run(String verb, String user, String stdin) throws IOException {
        char[] password = UserCommand.firstLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return UserCommand.execute(verb, user, password, accounts, out, out);
    }
}
