package dev.mnemo;

import dev.mnemo.security.PersonTokens;
import dev.mnemo.security.PersonTokens.IssuedToken;
import dev.mnemo.security.PersonTokens.TokenInfo;
import dev.mnemo.terminal.TerminalChat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code token create|list|revoke|show}: a person's API tokens, managed from the machine Mnemo runs on. */
final class TokenCommand {
    private static final String USAGE = "mnemo: usage: token create --user ID [--name NAME] | token list [--user ID]"
            + " | token revoke TOKEN_ID | token show";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private TokenCommand() {
    }

    /** A parsed command line: what to do, and to what. */
    record Command(String verb, Map<String, String> options, String id) {
    }

    /** Checks the command line before anything starts, then runs it in a context of its own. */
    static int run(String[] args, Supplier<ConfigurableApplicationContext> context) {
        if (args.length == 1 && args[0].equals("show")) {
            return show(TerminalChat.ownerTokenFile(System.getenv()));
        }
        Command command = parse(args);
        if (command == null) {
            System.err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext app = context.get()) {
            return execute(command, app.getBean(PersonTokens.class));
        }
    }

    /** The command line, or null when it is not one this command knows. */
    static Command parse(String[] args) {
        if (args.length == 0) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        String positional = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (positional == null && !args[i].startsWith("--")) {
                positional = args[i];
            } else {
                return null;
            }
        }
        boolean valid = switch (args[0]) {
            case "create" -> options.containsKey("user") && positional == null
                    && options.keySet().stream().allMatch(k -> k.equals("user") || k.equals("name"));
            case "list" -> positional == null && options.keySet().stream().allMatch(k -> k.equals("user"));
            case "revoke" -> positional != null && options.isEmpty();
            default -> false;
        };
        return valid ? new Command(args[0], options, positional) : null;
    }

    static int execute(Command command, PersonTokens tokens) {
        return switch (command.verb()) {
            case "create" -> create(tokens, command.options().get("user"), command.options().get("name"));
            case "list" -> list(tokens, command.options().get("user"));
            default -> revoke(tokens, command.id());
        };
    }

    private static int create(PersonTokens tokens, String user, String name) {
        IssuedToken issued;
        try {
            issued = tokens.create(user, name);
        } catch (IllegalArgumentException e) {
            System.err.println("mnemo: " + e.getMessage());
            return 2;
        }
        System.out.println("""
                Token %s for %s (%s), shown only this once:
                    %s
                Send it as 'Authorization: Bearer <token>'. It reaches %s's data only; revoke it with
                'token revoke %s'.""".formatted(issued.id(), issued.userId(), issued.name(), issued.secret(),
                issued.userId(), issued.id()));
        return 0;
    }

    private static int list(PersonTokens tokens, String user) {
        System.out.printf("%-36s  %-20s  %-16s  %-17s  %-17s  %s%n", "ID", "USER", "NAME", "CREATED", "LAST USED", "STATUS");
        for (TokenInfo token : tokens.list(user)) {
            System.out.printf("%-36s  %-20s  %-16s  %-17s  %-17s  %s%n", token.id(), token.userId(), token.name(),
                    WHEN.format(token.createdAt()), when(token.lastUsedAt()),
                    token.revokedAt().map(at -> "revoked " + WHEN.format(at)).orElse("active"));
        }
        return 0;
    }

    private static int revoke(PersonTokens tokens, String id) {
        if (!tokens.revoke(id)) {
            System.err.println("mnemo: no active token has the id " + id + " (see 'token list')");
            return 1;
        }
        System.out.println("revoked " + id);
        return 0;
    }

    /** No database needed: the server keeps the owner's token in a file of the data directory. */
    static int show(Path file) {
        try {
            System.out.println(Files.readString(file).strip());
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("mnemo: " + file + " does not exist yet: the server's first start creates it (./mnemo)");
            return 1;
        } catch (IOException e) {
            System.err.println("mnemo: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static String when(Optional<Instant> at) {
        return at.map(WHEN::format).orElse("never");
    }
}
