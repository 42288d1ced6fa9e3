package dev.mnemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * A real terminal for a program under test: a tmux server of its own (its own socket), one window of fixed size,
 * keys sent as a person types them, the screen read back as text.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "mnemo-test-" + UUID.randomUUID();
    private final Path work;

    private Tmux(Path work) {
        this.work = work;
    }

    /** A word for sh: in single quotes, any single quote in it closed, escaped and reopened. */
    public static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Whether tmux is installed; tests that need it skip without it, except on CI, where they fail. */
    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code command} (a shell command line) in a new 160x48 window. */
    public static Tmux start(Path work, String command) {
        Tmux tmux = new Tmux(work);
        // One tmux call: a command that ends at once still leaves its window (and exit status) to read.
        tmux.run("new-session", "-d", "-x", "160", "-y", "48", "-s", "main", command, ";",
                "set-option", "-t", "main", "remain-on-exit", "on");
        return tmux;
    }

    /** Key names as tmux knows them: {@code Enter}, {@code Left}, {@code Up}, {@code C-l}, {@code C-d}. */
    public void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Text typed as is, character by character. */
    public void type(String text) {
        run("send-keys", "-t", "main", "-l", text);
    }

    /** Text pasted the way a terminal pastes it: bracketed, so a program can tell a paste from typing. */
    public void paste(String text) {
        Path file = work.resolve("paste-" + UUID.randomUUID() + ".txt");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("load-buffer", "-b", "paste", file.toString());
        run("paste-buffer", "-p", "-d", "-b", "paste", "-t", "main");
    }

    /** What the window shows now, joined lines unwrapped, with the scroll-back. */
    public String screen() {
        return run("capture-pane", "-p", "-J", "-S", "-2000", "-t", "main");
    }

    /** What the window shows now, without the scroll-back. */
    public String visible() {
        return run("capture-pane", "-p", "-J", "-t", "main");
    }

    /** Reads the screen and its scroll-back until they satisfy the condition; fails with them when they never do. */
    public String awaitScreen(Predicate<String> condition, Duration timeout, String what) {
        return await(this::screen, condition, timeout, what);
    }

    /** Reads the window until it satisfies the condition; fails with what it shows when it never does. */
    public String awaitVisible(Predicate<String> condition, Duration timeout, String what) {
        return await(this::visible, condition, timeout, what);
    }

    private static String await(Supplier<String> read, Predicate<String> condition, Duration timeout, String what) {
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(read::get, condition::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the terminal never showed " + what + "; it shows:\n" + read.get(), e);
        }
    }

    /** Whether the program still runs. */
    public boolean running() {
        return run("display-message", "-p", "-t", "main", "#{pane_dead}").strip().equals("0");
    }

    /**
     * Waits for the window's command to end and returns its exit status, which the command line must print last as
     * {@code exited with status N} ({@link #EXIT_STATUS}); fails when it still runs after the timeout.
     */
    public int awaitExit(Duration timeout) {
        await(() -> running() ? "running" : "ended", "ended"::equals, timeout, "the program ending");
        Matcher status = Pattern.compile("exited with status (\\d+)").matcher(screen());
        if (!status.find()) {
            throw new AssertionError("the program ended without printing its status; the terminal shows:\n" + screen());
        }
        return Integer.parseInt(status.group(1));
    }

    /** Appended to a command line: prints the status {@link #awaitExit} reads. */
    public static final String EXIT_STATUS = "; echo \"exited with status $?\"";

    @Override
    public void close() {
        run("kill-server");
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 && !args[0].equals("kill-server")) {
                throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
