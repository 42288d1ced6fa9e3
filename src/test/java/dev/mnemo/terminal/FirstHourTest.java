package dev.mnemo.terminal;

import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeAnthropicApp.SMART;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.requestsFor;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.ChildApp;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.TestDatabases;
import dev.mnemo.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A newcomer's first hour, for real: the server as its own process on a fresh data directory prints its ready block
 * (URL, the owner's token once, the model, the data) after plain log lines; then {@code chat}, in a real terminal
 * (tmux), talks to that server with the token it left: line editing, history, bracketed paste, a refusal above the
 * length limit, a reminder shown above a half-typed line. On the next start the token is not shown again, and the
 * json-logs profile writes nothing but JSON lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstHourTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One Spring Boot console line: time, level, pid, application, thread, logger, message. */
    private static final Pattern PLAIN_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) +(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ --- "
                    + "\\[mnemo] \\[[^\\]]{15}] \\S.{0,39} *: .*");
    private static final Pattern TOKEN_LINE = Pattern.compile("^ {4}token {3}(mnemo_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);
    private static final String READY = "\n  Mnemo is ready at ";

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    Path temp;
    Path data;
    ChildApp app;
    /** The first server runs in a terminal of its own, as a person starts it (script(1) keeps what it prints). */
    Tmux serverTerminal;

    @BeforeAll
    void startTheServerInATerminalOnAFreshDataDirectory(@TempDir Path temp) throws IOException {
        TestDatabases.require(Tmux.available(),
                "tmux is not installed (apt-get install tmux; .ci/run does it): the first hour is checked in a real terminal");
        this.temp = temp;
        FakeModelServer.reset();
        data = temp.resolve("data");
        app = child("first");
        Path script = temp.resolve("server.sh");
        String server = String.join(" ", app.command().stream().map(Tmux::quoted).toList());
        Files.writeString(script, "env -i PATH=\"$PATH\" HOME=\"$HOME\" TERM=xterm-256color script -qfec "
                + Tmux.quoted(server) + " " + Tmux.quoted(temp.resolve("first.log").toString()) + Tmux.EXIT_STATUS + "\n");
        serverTerminal = Tmux.start(temp, "sh " + script);
        app.awaitUp(() -> serverTerminal.running());
    }

    @AfterAll
    void stop() {
        if (serverTerminal != null) {
            serverTerminal.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theFirstStartEndsWithTheReadyBlockAfterPlainLogLines() throws IOException {
        String log = awaitLog(temp.resolve("first.log"), READY, "\n\n");
        int start = log.indexOf(READY);
        String block = log.substring(start, log.indexOf("\n\n", start + READY.length()) + 1); // up to its blank line

        assertThat(block).contains(READY + "http://localhost:" + app.port() + "\n")
                .contains("    web     open http://localhost:" + app.port() + " in a browser; first set a password: ./mnemo user add owner\n")
                .contains("    chat    ./mnemo chat")
                .contains("the owner's token, shown only this once; ./mnemo chat reads it from " + data.resolve("chat-token"))
                .contains("    model   anthropic:" + CHEAP + " (cheap), anthropic:" + SMART + " (smart)\n")
                .contains("    data    " + data + " (SQLite database mnemo.db)\n");
        Matcher token = TOKEN_LINE.matcher(block);
        assertThat(token.find()).as(block).isTrue();
        assertThat(Files.readString(data.resolve("chat-token")).strip()).isEqualTo(token.group(1));
        JsonNode me = new Api(app.port(), token.group(1)).get("/api/v1/me").json();
        assertThat(me.get("userId").asString()).isEqualTo("owner");
        assertThat(me.get("model").asString()).contains(CHEAP);

        // The README shows this block as it prints (from /home/you/mnemo, on port 8080).
        String readme = Files.readString(Path.of("README.md"));
        block.replace(data.toString(), "/home/you/mnemo/data").replace(":" + app.port(), ":8080").lines()
                .filter(line -> !line.startsWith("    token") && !line.startsWith("    model"))
                .forEach(line -> assertThat(readme).as("README's ready block").contains(line + "\n"));

        List<String> logLines = log.substring(0, log.indexOf(READY)).lines()
                .filter(line -> !line.startsWith("Script started on ")).toList(); // script(1)'s own header
        assertThat(logLines).isNotEmpty().allSatisfy(line -> assertThat(line).matches(PLAIN_LINE));
        assertThat(log).doesNotContain("%nopex").doesNotContain("PARSER_ERROR");
    }

    @Test
    @Order(2)
    void chatInARealTerminalTalksToThatServerWithItsModel() throws Exception {
        server().stubFor(anthropic(CHEAP).willReturn(anthropicReply(CHEAP, "Hello from the server's model!", 80, 8, 0, 0)));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path script = temp.resolve("chat.sh");
        // The environment a person's shell would have: where the data is, which port; no URL, no token.
        String chat = String.join(" ", List.of(java, "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.mnemo.MnemoApplication", "chat").stream().map(Tmux::quoted).toList());
        Files.writeString(script, "env -i PATH=\"$PATH\" HOME=\"$HOME\" TERM=xterm-256color SERVER_PORT=" + app.port()
                + " ASSISTANT_DATA_DIR=" + Tmux.quoted(data.toString()) + " " + chat + Tmux.EXIT_STATUS + "\n");
        try (Tmux terminal = Tmux.start(temp, "sh " + script)) {
            terminal.awaitScreen(s -> s.contains("you> "), Duration.ofSeconds(30), "the prompt");
            assertThat(terminal.screen()).contains("Mnemo at http://127.0.0.1:" + app.port() + "/, chatting as owner (anthropic:");

            // Arrow keys edit the line: "/memries", four to the left, "o": "/memories", a command, not text.
            terminal.type("/memries");
            terminal.keys("Left", "Left", "Left", "Left");
            terminal.type("o");
            terminal.keys("Enter");
            terminal.awaitScreen(s -> s.contains("I don't remember anything about you yet"), Duration.ofSeconds(20),
                    "the answer to /memories");
            // Up brings it back from the history.
            terminal.keys("Up", "Enter");
            terminal.awaitScreen(s -> count(s, "I don't remember anything about you yet") == 2, Duration.ofSeconds(20),
                    "the second answer to /memories");

            terminal.type("hello there!");
            terminal.keys("Enter");
            terminal.awaitScreen(s -> s.contains("mnemo> Hello from the server's model!"), Duration.ofSeconds(20),
                    "the model's reply");

            // A multi-line paste is one message, whole.
            terminal.paste("first pasted line\n" + "x".repeat(5_000) + "\nlast pasted line");
            terminal.keys("Enter");
            terminal.awaitScreen(s -> count(s, "Hello from the server's model!") == 2, Duration.ofSeconds(20),
                    "the reply to the paste");
            assertThat(requestsFor(ANTHROPIC_PATH, CHEAP)).anySatisfy(request -> assertThat(request.getBodyAsString())
                    .contains("first pasted line\\n" + "x".repeat(5_000) + "\\nlast pasted line"));

            // A key without a binding, then a paste carrying escape sequences: only the text reaches the server.
            terminal.keys("F5");
            terminal.paste("/remember my colour is \u001b[31mred\u001b[0m and \u001b]0;a title\u0007done");
            terminal.keys("Enter");
            terminal.awaitScreen(s -> s.contains("I'll remember:"), Duration.ofSeconds(20), "the memory kept");
            assertThat(messagesContaining("/remember my colour is red and done")).isEqualTo(1);

            // Over the limit: refused in words, nothing sent.
            terminal.paste("y".repeat(20_000));
            terminal.keys("Enter");
            terminal.awaitScreen(s -> s.contains("That is 20000 characters; a message can have at most 16000."
                    + " Nothing was sent"), Duration.ofSeconds(20), "the refusal of a 20,000-character paste");
            assertThat(messagesContaining("y".repeat(20))).isZero();

            // A reminder falls due while a line is half typed: it shows above, and the line stays as it was.
            terminal.type("/remind in 2 hours stretch your legs");
            terminal.keys("Enter");
            terminal.awaitScreen(s -> s.contains("I'll remind you: stretch your legs"), Duration.ofSeconds(20), "the reminder set");
            terminal.type("half a thought");
            terminal.awaitScreen(s -> s.strip().endsWith("you> half a thought"), Duration.ofSeconds(10), "the half-typed line");
            dueNow("stretch your legs");
            String screen = terminal.awaitScreen(s -> s.contains("mnemo> Reminder: stretch your legs"), Duration.ofSeconds(30),
                    "the reminder as it falls due");
            assertThat(screen.strip().lines().toList().getLast()).isEqualTo("you> half a thought");

            // Ctrl-L clears the screen; Ctrl-C drops the half-typed line; Ctrl-D ends the chat.
            terminal.keys("C-l");
            terminal.awaitVisible(s -> !s.contains("Mnemo at http://") && s.strip().equals("you> half a thought"),
                    Duration.ofSeconds(10), "a cleared screen");
            terminal.keys("C-c");
            terminal.awaitVisible(s -> s.strip().endsWith("you>"), Duration.ofSeconds(10), "the line dropped");
            terminal.keys("C-d");
            assertThat(terminal.awaitExit(Duration.ofSeconds(10))).as("the chat's exit status").isZero();
        }
        assertThat(messagesContaining("half a thought")).as("a dropped line is never sent").isZero();
        assertThat(messagesContaining("\u001b")).as("no escape sequence reached the server").isZero();
        assertThat(messagesContaining("/memories")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void theNextStartSaysWhereTheTokenIsWithoutShowingIt() throws IOException {
        String token = Files.readString(data.resolve("chat-token")).strip();
        serverTerminal.keys("C-c");
        assertThat(serverTerminal.awaitExit(Duration.ofSeconds(30))).as("the server's exit status after Ctrl-C").isIn(0, 130);
        app = child("second").start();

        String log = awaitLog(temp.resolve("second.log"), READY, "\n\n");
        assertThat(log).doesNotContain(token)
                .contains("    token   the owner's token is in " + data.resolve("chat-token") + " (./mnemo token show)");
        assertThat(new Api(app.port(), token).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aFirstStartWhoseOutputIsNotATerminalNeverPrintsTheToken() throws IOException {
        Path plainData = temp.resolve("plain-data");
        Path logFile = temp.resolve("plain.log");
        try (ChildApp plain = new ChildApp(plainData, logFile, List.of()).start()) {
            String log = awaitLog(logFile, READY, "\n\n");
            String token = Files.readString(plainData.resolve("chat-token")).strip();
            assertThat(log).doesNotContain(token).contains("    token   the owner's token is in " + plainData.resolve("chat-token")
                    + " (./mnemo token show; created now, not printed: this output is not a terminal)")
                    .contains("    model   none: commands only. Set ANTHROPIC_API_KEY (or OPENAI_API_KEY / OPENAI_BASE_URL)"
                            + " and restart to chat with a model\n");
            assertThat(new Api(plain.port(), token).get("/api/v1/me").status()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void withJsonLogsEveryLineIsJsonAndNoTokenIsWritten() throws IOException {
        Path jsonData = temp.resolve("json-data");
        Path logFile = temp.resolve("json.log");
        try (ChildApp json = new ChildApp(jsonData, logFile, List.of("spring.profiles.active=json-logs")).start()) {
            String log = awaitLog(logFile, "Mnemo is ready at", "\n");
            List<JsonNode> lines = log.lines().map(JSON::readTree).toList();
            assertThat(lines).allSatisfy(line -> assertThat(line.get("level").asString()).isIn("INFO", "WARN", "ERROR"));
            JsonNode ready = lines.stream().filter(l -> l.get("message").asString().startsWith("Mnemo is ready at"))
                    .findFirst().orElseThrow();
            assertThat(ready.get("message").asString()).contains("http://localhost:" + json.port())
                    .contains("model: none: commands only").contains(jsonData.resolve("chat-token").toString());
            assertThat(log).doesNotContain(Files.readString(jsonData.resolve("chat-token")).strip());
        }
    }

    private ChildApp child(String name) {
        return new ChildApp(data, temp.resolve(name + ".log"), List.of(
                "assistant.providers.anthropic.api-key=" + FakeModelServer.ANTHROPIC_KEY,
                "assistant.providers.anthropic.base-url=" + FakeModelServer.baseUrl(),
                "assistant.models.cheap=" + CHEAP, "assistant.models.smart=" + SMART,
                "assistant.routing.model-classifier=false",
                "assistant.memory.background-jobs=false",
                "assistant.backup.scheduled=false",
                "assistant.proactive.reminder-poll=1s"));
    }

    /**
     * The log once it holds {@code marker} followed, somewhere after it, by {@code then}; as text, without the
     * colours and carriage returns a terminal gets.
     */
    private static String awaitLog(Path file, String marker, String then) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(file) ? ANSI.matcher(Files.readString(file).replace("\r", "")).replaceAll("") : "",
                        log -> log.contains(marker) && log.substring(log.indexOf(marker) + marker.length()).contains(then));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private void dueNow(String text) throws SQLException {
        try (Connection db = open(); PreparedStatement update = db.prepareStatement("UPDATE reminders SET due_at = ? WHERE text = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1_000);
            update.setString(2, text);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private long messagesContaining(String part) throws SQLException {
        try (Connection db = open(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM messages WHERE direction = 'IN' AND instr(text, ?) > 0")) {
            query.setString(1, part);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("mnemo.db") + "?busy_timeout=10000");
    }
}
