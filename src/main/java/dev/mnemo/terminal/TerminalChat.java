package dev.mnemo.terminal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code ./mnemo chat}: chats with the running server as the person whose token it holds. Line editing and history
 * (JLine), pasted text kept whole (bracketed paste, or {@code /paste} … {@code /end}), a clear refusal above the
 * length limit instead of a silent cut, and reminders and late answers shown as they arrive (the inbox, polled every
 * {@value #INBOX_POLL_SECONDS} s).
 */
public final class TerminalChat {
    static final int INBOX_POLL_SECONDS = 2;
    private static final String INDENT = "\n       ";

    private final ChatServer server;
    private final ChatServer.Session session;
    private final LineReader reader;
    private final Object screen = new Object();
    private volatile boolean serverLost;

    private TerminalChat(ChatServer server, ChatServer.Session session, LineReader reader) {
        this.server = server;
        this.session = session;
        this.reader = reader;
    }

    /** Where the server keeps the owner's token, for this environment ({@code ASSISTANT_DATA_DIR}, default ./data). */
    public static Path ownerTokenFile(Map<String, String> env) {
        return ChatSettings.tokenFile(env);
    }

    /** Runs the chat until {@code /quit} or Ctrl-D; returns the exit status (1 when it could not start). */
    public static int run(String[] args, Map<String, String> env, PrintStream err) {
        if (args.length > 0) {
            err.println(args[0].startsWith("--user")
                    ? "mnemo: chat is whoever's token it holds. For another person: MNEMO_TOKEN=<their token> ./mnemo chat"
                    + " (create one with ./mnemo token create --user ID)."
                    : "mnemo: usage: chat (settings: MNEMO_URL, MNEMO_TOKEN; see README: Terminal chat)");
            return 2;
        }
        ChatSettings settings;
        try {
            settings = ChatSettings.from(env);
        } catch (IllegalArgumentException e) {
            err.println("mnemo: " + e.getMessage());
            return 2;
        }
        if (settings.token().isEmpty()) {
            err.println("mnemo: no token: " + settings.tokenSource() + " does not exist yet. Start the server first"
                    + " (./mnemo, in another terminal; its first start creates it), or set MNEMO_TOKEN to a token from"
                    + " ./mnemo token create --user ID.");
            return 1;
        }
        // The server is asked (HTTP client, JSON, the request) while the terminal is set up: the prompt shows
        // after the slower of the two, not after both.
        CompletableFuture<ChatServer> connected = CompletableFuture.supplyAsync(() -> {
            ChatServer server = new ChatServer(settings.server(), settings.token().get());
            try {
                server.session();
                return server;
            } catch (ChatServer.Failure e) {
                throw new CompletionException(e);
            }
        });
        // JNI first: of JLine's native providers it is the quickest to start (BENCHMARKS.md: Terminal chat).
        try (Terminal terminal = TerminalBuilder.builder().name("mnemo").system(true).dumb(true)
                .providers("jni,ffm,exec").build()) {
            ChatServer server;
            try {
                server = connected.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ChatServer.Failure failure) {
                    err.println(startFailure(failure, settings));
                    return 1;
                }
                throw e;
            }
            return new TerminalChat(server, server.lastSession(), reader(terminal, settings)).loop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String startFailure(ChatServer.Failure e, ChatSettings settings) {
        return "mnemo: " + e.getMessage() + switch (e.status) {
            case ChatServer.Failure.UNREACHABLE -> " Start it with ./mnemo (in another terminal), or set MNEMO_URL"
                    + " to where it runs.";
            case 401 -> " The token from " + settings.tokenSource() + " was refused. Restart the server to renew"
                    + " the owner's token, or set MNEMO_TOKEN to one from ./mnemo token create --user ID.";
            default -> "";
        };
    }

    private static LineReader reader(Terminal terminal, ChatSettings settings) {
        // Nothing typed is ever waiting for a closing quote or bracket: "I'm" is a whole line.
        DefaultParser parser = new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0])
                .eofOnUnclosedQuote(false).eofOnEscapedNewLine(false).eofOnUnclosedBracket();
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("mnemo").parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is punctuation, not history
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .option(LineReader.Option.INSERT_TAB, true)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "       ");
        settings.historyFile().ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        return builder.build();
    }

    private int loop() {
        say("Mnemo at " + server.base() + ", chatting as " + session.userId()
                + (session.model().isEmpty() ? " (no model: commands only)" : " (" + session.model() + ")")
                + ". /help lists commands, /paste sends long text, /quit or Ctrl-D ends.");
        ScheduledExecutorService inbox = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mnemo-inbox");
            thread.setDaemon(true);
            return thread;
        });
        inbox.scheduleWithFixedDelay(this::collectInbox, 0, INBOX_POLL_SECONDS, TimeUnit.SECONDS);
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine("you> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C clears the line; Ctrl-D or /quit ends
                } catch (EndOfFileException e) {
                    return 0;
                }
                String command = line.strip().toLowerCase(Locale.ROOT);
                if (command.equals("/quit") || command.equals("/exit")) {
                    return 0;
                }
                if (command.equals("/paste")) {
                    line = pasted();
                    if (line == null) {
                        continue;
                    }
                }
                String text = Texts.typed(line);
                if (!text.isBlank()) {
                    send(text);
                }
            }
        } finally {
            inbox.shutdownNow();
        }
    }

    /** Lines up to {@code /end} (or Ctrl-D), sent as one message; null when abandoned with Ctrl-C. */
    private String pasted() {
        say("Paste or type; a line with only /end sends it all as one message (Ctrl-C abandons it).");
        StringBuilder text = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine("...> ");
            } catch (UserInterruptException e) {
                say("Nothing was sent.");
                return null;
            } catch (EndOfFileException e) {
                return text.toString();
            }
            if (line.strip().equals("/end")) {
                return text.toString();
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
    }

    private void send(String text) {
        int length = Texts.length(text);
        if (length > session.maxMessageChars()) {
            say("That is " + length + " characters; a message can have at most " + session.maxMessageChars()
                    + ". Nothing was sent: split it into shorter messages.");
            return;
        }
        try {
            mnemo(server.send(text));
        } catch (ChatServer.Failure e) {
            say(e.getMessage() + (e.status == ChatServer.Failure.UNREACHABLE
                    ? " Is it still running? (./mnemo) Your message was not sent." : ""));
        }
    }

    private void collectInbox() {
        try {
            List<String> messages = server.inbox();
            if (serverLost) {
                serverLost = false;
                say("The server at " + server.base() + " answers again.");
            }
            messages.forEach(this::mnemo);
        } catch (ChatServer.Failure e) {
            if (e.status == ChatServer.Failure.UNREACHABLE && !serverLost) {
                serverLost = true;
                say(e.getMessage() + " Reminders will show here once it is back.");
            }
        } catch (RuntimeException e) {
            say("Collecting reminders failed: " + e.getMessage());
        }
    }

    private void mnemo(String text) {
        print("mnemo> " + Texts.shown(text).replace("\n", INDENT));
    }

    private void say(String text) {
        print("       " + text);
    }

    /** Above the prompt while one is shown (the line being typed stays as it was), else straight out. */
    private void print(String text) {
        synchronized (screen) {
            if (reader.isReading()) {
                reader.printAbove(text);
            } else {
                reader.getTerminal().writer().println(text);
                reader.getTerminal().flush();
            }
        }
    }
}
