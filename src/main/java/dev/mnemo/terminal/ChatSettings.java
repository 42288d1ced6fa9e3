package dev.mnemo.terminal;

import dev.mnemo.security.StartupTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the chat finds the server and its token, from the same environment (and {@code .env}) the server reads:
 * {@code MNEMO_URL}, else {@code http://SERVER_ADDRESS:SERVER_PORT} on this machine; {@code MNEMO_TOKEN}, else the
 * owner's token the server keeps in {@code $ASSISTANT_DATA_DIR/chat-token}.
 *
 * @param tokenSource where the token came from, to say so when the server refuses it
 */
record ChatSettings(URI server, Optional<String> token, String tokenSource, Optional<Path> historyFile) {
    static ChatSettings from(Map<String, String> env) {
        return new ChatSettings(server(env), token(env), tokenSource(env), history(env));
    }

    private static URI server(Map<String, String> env) {
        String url = blankToNull(env.get("MNEMO_URL"));
        if (url != null) {
            URI uri = URI.create(url.replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("MNEMO_URL '" + url + "' is not an http(s) URL such as http://127.0.0.1:8080");
            }
            return uri;
        }
        String address = Optional.ofNullable(blankToNull(env.get("SERVER_ADDRESS"))).orElse("127.0.0.1");
        String host = address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        String port = Optional.ofNullable(blankToNull(env.get("SERVER_PORT"))).orElse("8080");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("SERVER_PORT '" + port + "' is not a port number");
        }
        return URI.create("http://" + host + ":" + port);
    }

    private static Optional<String> token(Map<String, String> env) {
        String token = blankToNull(env.get("MNEMO_TOKEN"));
        if (token != null) {
            return Optional.of(token);
        }
        Path file = tokenFile(env);
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.ofNullable(blankToNull(Files.readString(file)));
            }
        } catch (IOException e) {
            return Optional.empty(); // unreadable: said below as "no token"
        }
        return Optional.empty();
    }

    private static String tokenSource(Map<String, String> env) {
        return blankToNull(env.get("MNEMO_TOKEN")) != null ? "MNEMO_TOKEN" : tokenFile(env).toString();
    }

    static Path tokenFile(Map<String, String> env) {
        String dataDir = Optional.ofNullable(blankToNull(env.get("ASSISTANT_DATA_DIR"))).orElse("./data");
        return Path.of(dataDir).toAbsolutePath().normalize().resolve(StartupTokens.CHAT_TOKEN_FILE);
    }

    /** Typed lines stay in memory unless {@code MNEMO_CHAT_HISTORY} names a file: they are the person's words. */
    private static Optional<Path> history(Map<String, String> env) {
        return Optional.ofNullable(blankToNull(env.get("MNEMO_CHAT_HISTORY"))).map(Path::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
