package dev.mnemo;

import dev.mnemo.security.PersonTokens;
import dev.mnemo.security.PersonTokens.IssuedToken;
import dev.mnemo.security.PersonTokens.TokenInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code token create|list|revoke}: a person's API tokens, managed from the machine Mnemo runs on. */
final class TokenCommand {
    private static final String USAGE = "mnemo: usage: token create --user ID [--name NAME] | token list [--user ID]"
            + " | token revoke TOKEN_ID";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private TokenCommand() {
    }

    static int run(String[] args, Supplier<ConfigurableApplicationContext> context) {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        String verb = args[0];
        Map<String, String> options = new HashMap<>();
        String positional = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (positional == null && !args[i].startsWith("--")) {
                positional = args[i];
            } else {
                System.err.println(USAGE);
                return 2;
            }
        }
        boolean valid = switch (verb) {
            case "create" -> options.containsKey("user") && positional == null
                    && options.keySet().stream().allMatch(k -> k.equals("user") || k.equals("name"));
            case "list" -> positional == null && options.keySet().stream().allMatch(k -> k.equals("user"));
            case "revoke" -> positional != null && options.isEmpty();
            default -> false;
        };
        if (!valid) {
            System.err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext app = context.get()) {
            PersonTokens tokens = app.getBean(PersonTokens.class);
            return switch (verb) {
                case "create" -> create(tokens, options.get("user"), options.get("name"));
                case "list" -> list(tokens, options.get("user"));
                default -> revoke(tokens, positional);
            };
        }
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

    private static String when(Optional<Instant> at) {
        return at.map(WHEN::format).orElse("never");
    }
}
