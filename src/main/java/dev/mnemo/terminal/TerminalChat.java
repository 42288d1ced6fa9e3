package dev.mnemo.terminal;

import dev.mnemo.conversation.InboundMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * {@value #INBOX_POLL_SECONDS} s, each message acknowledged only once it is on the screen).
 */
public final class TerminalChat {
    static final int INBOX_POLL_SECONDS = 3;
    private static final String INDENT = "\n       ";

    private final ChatServer server;
    private final ChatServer.Session session;
    private final LineReader reader;
    /** Inbox ids already shown in this session: one acknowledged late is not shown twice. */
    private final Set<String> shown = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1_000;
        }
    });
    private static final int NO_TROUBLE = Integer.MIN_VALUE;
    /** The status of the last failed inbox poll, said once until the polls work again. */
    private volatile int inboxTrouble = NO_TROUBLE;

    private TerminalChat(ChatServer server, ChatServer.Session session, LineReader reader) {
        this.server = server;
        this.session = session;
        this.reader = reader;
    }

    /** Where the server keeps the owner's token, for this environment ({@code ASSISTANT_DATA_DIR}, default ./data). */
    public static Path ownerTokenFile(Map<String, String> env) {
        return ChatSettings.tokenFile(env);
    }

    /** Runs the chat until {@code /quit} or Ctrl-D; returns the exit status (1 when it could not start, 2 for usage). */
    public static int run(String[] args, Map<String, String> env, PrintStream err) {
        if (args.length > 0) {
            err.println(args[0].startsWith("--user")
                    ? "mnemo: chat is whoever's token it holds. For another person: MNEMO_TOKEN=<their token> ./mnemo chat"
                    + " (create one with ./mnemo token create --user ID)."
                    : "mnemo: usage: chat (settings: MNEMO_URL, MNEMO_TOKEN; see README: Talk to it)");
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
            err.println("mnemo: no token: " + settings.tokenProblem() + ". Or set MNEMO_TOKEN to a token from"
                    + " ./mnemo token create --user ID.");
            return 1;
        }
        try {
            return chat(settings, err);
        } catch (RuntimeException e) {
            err.println("mnemo: the chat stopped: " + e);
            return 1;
        }
    }

    private static int chat(ChatSettings settings, PrintStream err) {
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
        return "mnemo: " + Texts.shown(e.getMessage()) + switch (e.status) {
            case ChatServer.Failure.UNREACHABLE -> " Start it with ./mnemo (in another terminal), or set MNEMO_URL"
                    + " to where it runs.";
            case 401 -> " The token from " + settings.tokenSource() + " was refused. Restart the server to renew"
                    + " the owner's token, or set MNEMO_TOKEN to one from ./mnemo token create --user ID.";
            default -> "";
        };
    }

    private static LineReader reader(Terminal terminal, ChatSettings settings) throws IOException {
        // Nothing typed is ever waiting for a closing quote or bracket: "I'm" is a whole line.
        DefaultParser parser = new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0])
                .eofOnUnclosedQuote(false).eofOnEscapedNewLine(false).eofOnUnclosedBracket();
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("mnemo").parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is punctuation, not history
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .option(LineReader.Option.INSERT_TAB, true)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "       ");
        if (settings.historyFile().isPresent()) {
            builder.variable(LineReader.HISTORY_FILE, ownerOnly(settings.historyFile().get()));
        }
        return builder.build();
    }

    /** The history holds what the person typed: theirs alone to read, whatever the umask. */
    private static Path ownerOnly(Path file) throws IOException {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("MNEMO_CHAT_HISTORY " + file + " is not a regular file");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private int loop() {
        String who = session.displayName().isEmpty() || session.displayName().equals(session.userId())
                ? session.userId() : session.displayName() + " (" + session.userId() + ")";
        say("Mnemo at " + server.base() + ", chatting as " + who
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
            // A poll in flight finishes (what it showed is acknowledged); none starts after this.
            inbox.shutdown();
            try {
                inbox.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        int length = InboundMessage.lengthOf(text);
        if (length > session.maxMessageChars()) {
            say("That is " + length + " characters; a message can have at most " + session.maxMessageChars()
                    + ". Nothing was sent: split it into shorter messages.");
            return;
        }
        try {
            mnemo(server.send(text));
        } catch (ChatServer.Failure e) {
            say(e.getMessage() + switch (e.status) {
                case ChatServer.Failure.UNREACHABLE -> " Is it still running? (./mnemo) Your message was not sent.";
                case ChatServer.Failure.NO_ANSWER -> " Your message may have arrived; if it did, Mnemo keeps it, so there"
                        + " is no need to send it again.";
                default -> "";
            });
        }
    }

    /** Shows what waits in the inbox, then acknowledges it: a message is never handed over unseen. */
    private void collectInbox() {
        try {
            List<ChatServer.InboxItem> items = server.inbox();
            if (inboxTrouble != NO_TROUBLE) {
                inboxTrouble = NO_TROUBLE;
                say("The server at " + server.base() + " answers again.");
            }
            items.stream().filter(item -> shown.add(item.id())).forEach(item -> mnemo(item.text()));
            if (!items.isEmpty()) {
                server.acknowledge(items.stream().map(ChatServer.InboxItem::id).toList());
            }
        } catch (ChatServer.Failure e) {
            if (e.status != inboxTrouble) {
                inboxTrouble = e.status;
                say(switch (e.status) {
                    case ChatServer.Failure.UNREACHABLE, ChatServer.Failure.NO_ANSWER ->
                            e.getMessage() + " Reminders will show here once it is back.";
                    case 401 -> "The server no longer takes this chat's token (" + e.getMessage() + "): reminders cannot"
                            + " reach this window. Quit and start the chat again.";
                    default -> "Collecting reminders failed: " + e.getMessage() + ". Still trying.";
                });
            }
        } catch (RuntimeException e) {
            say("Collecting reminders failed: " + e.getMessage());
        }
    }

    private void mnemo(String text) {
        print("mnemo> " + Texts.shown(text).replace("\n", INDENT));
    }

    private void say(String text) {
        print("       " + Texts.shown(text));
    }

    /** JLine prints above the prompt while one is shown (the line being typed stays as it was), else straight out. */
    private void print(String text) {
        reader.printAbove(text);
    }
}
