package dev.mnemo.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** When the chat cannot start, it says why and what to do, in one line, and exits non-zero. */
@SqliteApp
class TerminalChatStartTest {
    @LocalServerPort
    int port;
    @TempDir
    Path temp;

    @Test
    void noServerAnswering() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String said = run(Map.of("SERVER_PORT", Integer.toString(closed), "MNEMO_TOKEN", "mnemo_whatever"), 1);
        assertThat(said).isEqualTo("mnemo: No Mnemo server answers at http://127.0.0.1:" + closed + "/. Start it with"
                + " ./mnemo (in another terminal), or set MNEMO_URL to where it runs.\n");
    }

    @Test
    void noTokenYet() {
        String said = run(Map.of("ASSISTANT_DATA_DIR", temp.toString()), 1);
        assertThat(said).startsWith("mnemo: no token: " + temp.resolve("chat-token") + " does not exist yet.")
                .contains("./mnemo token create --user ID");
    }

    @Test
    void aRefusedToken() throws IOException {
        Files.writeString(temp.resolve("chat-token"), "mnemo_revoked-or-never-issued\n");
        String said = run(Map.of("ASSISTANT_DATA_DIR", temp.toString(), "SERVER_PORT", Integer.toString(port)), 1);
        assertThat(said).contains("The token from " + temp.resolve("chat-token") + " was refused");
        Api anonymous = new Api(port, "");
        // Whoever opens the server in a browser instead is led to the web app's sign-in, which says how to get in.
        assertThat(anonymous.send(anonymous.request("/").GET()).status()).isEqualTo(302);
        Api.Response signIn = anonymous.send(anonymous.request("/login").GET());
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("Sign in", "./mnemo user add NAME");
    }

    @Test
    void argumentsItDoesNotTake() {
        assertThat(run(new String[] {"--user", "bob"}, Map.of(), 2)).contains("MNEMO_TOKEN=<their token> ./mnemo chat");
        assertThat(run(new String[] {"extra"}, Map.of(), 2)).startsWith("mnemo: usage: chat");
        assertThat(run(Map.of("MNEMO_URL", "ftp://example.org"), 2)).contains("MNEMO_URL 'ftp://example.org' is not an http(s) URL");
    }

    private static String run(Map<String, String> env, int status) {
        return run(new String[0], env, status);
    }

    private static String run(String[] args, Map<String, String> env, int status) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(TerminalChat.run(args, env, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(status);
        return err.toString(StandardCharsets.UTF_8);
    }
}
