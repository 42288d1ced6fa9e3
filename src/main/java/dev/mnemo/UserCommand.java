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
            WebAccounts accounts = app.getBean(WebAccounts.class);
            String name = args[1];
            WebAccounts.Outcome outcome = args[0].equals("add") ? accounts.add(name, password)
                    : accounts.changePassword(name, password);
            return switch (outcome) {
                case DONE -> {
                    out.println(args[0].equals("add") ? "added " + name.strip() + ": sign in at /login"
                            : "changed the password of " + name.strip() + " (a lock-out is lifted)");
                    yield 0;
                }
                case ALREADY_EXISTS -> {
                    err.println("mnemo: " + name.strip() + " already has an account; user passwd " + name.strip() + " changes its password");
                    yield 1;
                }
                case NO_SUCH_ACCOUNT -> {
                    err.println("mnemo: " + name.strip() + " has no account; user add " + name.strip() + " creates it");
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

    private static char[] firstLine(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line.toCharArray();
    }
}
