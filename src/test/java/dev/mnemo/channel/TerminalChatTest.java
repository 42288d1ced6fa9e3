package dev.mnemo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.SqliteApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SqliteApp
class TerminalChatTest {
    @Autowired
    TerminalChat chat;
    @Autowired
    JdbcClient jdbc;

    @Test
    void chatsOnTheSameLoopUntilQuit() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String input = "/help\n\nhello there\n/quit\nnever read\n";

        int status = chat.run("terminal-user", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(screen, true, StandardCharsets.UTF_8));

        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(shown).contains("chatting as 'terminal-user'", "/cost - what this month has cost",
                "No language model is configured").doesNotContain("never read");
        assertThat(jdbc.sql("SELECT text FROM messages WHERE user_id = 'terminal-user' AND channel = 'cli' AND direction = 'IN' ORDER BY id")
                .query(String.class).list()).containsExactly("/help", "hello there");
    }

    @Test
    void parsesItsArguments() {
        assertThat(TerminalChat.userFrom(new String[0])).isEqualTo("owner");
        assertThat(TerminalChat.userFrom(new String[] {"--user", "alice"})).isEqualTo("alice");
        assertThat(TerminalChat.userFrom(new String[] {"--user"})).isNull();
        assertThat(TerminalChat.userFrom(new String[] {"alice"})).isNull();
    }
}
