package dev.mnemo.terminal;

import dev.mnemo.security.StartupTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the chat finds the server and its token, from the same environment (and {@code .env}) the server reads:
 * {@code MNEMO_URL}, else {@code http://SERVER_ADDRESS:SERVER_PORT} on this machine; {@code MNEMO_TOKEN}, else the
 * owner's token the server keeps in {@code $ASSISTANT_DATA_DIR/chat-token}.
 *
 * @param server      the server's base URL, ending in {@code /}
 * @param token       the token, or empty with {@code tokenProblem} saying why
 * @param tokenSource where the token came from, to say so when the server refuses it
 */
record ChatSettings(URI server, Optional<String> token, String tokenSource, String tokenProblem, Optional<Path> historyFile) {

    /** @throws IllegalArgumentException when a setting is malformed, with a message naming it */
    static ChatSettings from(Map<String, String> env) {
        URI server = server(env);
        Optional<Path> history = history(env);
        Path file = tokenFile(env);
        String fromEnv = blankToNull(env.get("MNEMO_TOKEN"));
        if (fromEnv != null) {
            return new ChatSettings(server, Optional.of(fromEnv), "MNEMO_TOKEN", null, history);
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(file.toString());
            }
            String token = blankToNull(Files.readString(file));
            return new ChatSettings(server, Optional.ofNullable(token), file.toString(),
                    token == null ? file + " is empty" : null, history);
        } catch (NoSuchFileException e) {
            return new ChatSettings(server, Optional.empty(), file.toString(), file + " does not exist yet. Start"
                    + " the server first (./mnemo, in another terminal; its first start creates it)", history);
        } catch (AccessDeniedException e) {
            return new ChatSettings(server, Optional.empty(), file.toString(), "cannot read " + file
                    + " (it is the server's, owner-only: run the chat as the user the server runs as)", history);
        } catch (IOException e) {
            return new ChatSettings(server, Optional.empty(), file.toString(), "cannot read " + file + ": "
                    + e.getMessage(), history);
        }
    }

    /** The owner's token file for this environment: {@code ASSISTANT_DATA_DIR} (default ./data)/chat-token. */
    static Path tokenFile(Map<String, String> env) {
        String dataDir = Optional.ofNullable(blankToNull(env.get("ASSISTANT_DATA_DIR"))).orElse("./data");
        return Path.of(dataDir).toAbsolutePath().normalize().resolve(StartupTokens.CHAT_TOKEN_FILE);
    }

    private static URI server(Map<String, String> env) {
        String url = blankToNull(env.get("MNEMO_URL"));
        if (url == null) {
            String address = Optional.ofNullable(blankToNull(env.get("SERVER_ADDRESS"))).orElse("127.0.0.1");
            String host = address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                    : address.contains(":") ? "[" + address + "]" : address;
            return URI.create("http://" + host + ":" + port(env) + "/");
        }
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url : url + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MNEMO_URL '" + url + "' is not a URL such as https://mnemo.example.com");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("MNEMO_URL '" + url + "' is not an http(s) URL such as https://mnemo.example.com");
        }
        if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
            throw new IllegalArgumentException("MNEMO_URL '" + url + "' is plain http to another machine: the token would"
                    + " cross the network in clear. Use https:// (a TLS proxy in front of Mnemo, README: production)");
        }
        return uri;
    }

    private static String port(Map<String, String> env) {
        String port = Optional.ofNullable(blankToNull(env.get("SERVER_PORT"))).orElse("8080");
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("SERVER_PORT '" + port + "' is not a port number (1 to 65535)");
        }
        return port;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are judged (no lookup): a name other than localhost counts as another machine.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Typed lines stay in memory unless {@code MNEMO_CHAT_HISTORY} names a file: they are the person's words. */
    private static Optional<Path> history(Map<String, String> env) {
        return Optional.ofNullable(blankToNull(env.get("MNEMO_CHAT_HISTORY"))).map(Path::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
