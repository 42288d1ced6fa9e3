package dev.mnemo;

import dev.mnemo.security.WebAccounts;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code user add NAME} and {@code user passwd NAME}: a person's password for the web app, read from standard input
 * (asked twice, unechoed, at a terminal; the first line of a pipe otherwise), never from the command line where the
 * process list and the shell's history would keep it.
 */
final class UserCommand {
    static final String USAGE = "mnemo: usage: user add NAME | user passwd NAME   (the password is read from standard input)";

    private UserCommand() {
    }

    static int run(String[] args, Supplier<ConfigurableApplicationContext> context, Console console, InputStream in,
                   PrintStream out, PrintStream err) {
        if (args.length != 2 || !(args[0].equals("add") || args[0].equals("passwd"))) {
            err.println(USAGE);
            return 2;
        }
        char[] password;
        try {
            password = console != null ? fromTerminal(console) : firstLine(in);
        } catch (IOException e) {
            err.println("mnemo: could not read the password: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("mnemo: " + e.getMessage());
            return 2;
        }
        if (password == null) {
            err.println("mnemo: no password given (type it twice at the prompt, or pipe it in on one line)");
            return 2;
        }
        try (ConfigurableApplicationContext app = context.get()) {
            return execute(args[0], args[1], password, app.getBean(WebAccounts.class), out, err);
        }
    }

    /** {@code verb} is add or passwd; the password is wiped once used. */
    static int execute(String verb, String name, char[] password, WebAccounts accounts, PrintStream out, PrintStream err) {
        try {
            WebAccounts.Outcome outcome = verb.equals("add") ? accounts.add(name, password) : accounts.changePassword(name, password);
            String who = name.strip();
            return switch (outcome) {
                case DONE -> {
                    out.println(verb.equals("add") ? "added " + who + ": sign in at /login"
                            : "changed the password of " + who + " (a lock-out is lifted)");
                    yield 0;
                }
                case ALREADY_EXISTS -> {
                    err.println("mnemo: " + who + " already has an account; user passwd " + who + " changes its password");
                    yield 1;
                }
                case NO_SUCH_ACCOUNT -> {
                    err.println("mnemo: " + who + " has no account; user add " + who + " creates it");
                    yield 1;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("mnemo: " + e.getMessage());
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] fromTerminal(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || first.length == 0) {
            return null;
        }
        boolean same = Arrays.equals(first, again);
        Arrays.fill(again, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new IllegalArgumentException("the two passwords differ");
        }
        return first;
    }

    static char[] firstLine(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line.toCharArray();
    }
}
