package dev.mnemo.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: sends exactly the bytes given (a malformed path, a bad percent-encoding, a body that
 * does not match its type), which {@code java.net.http} refuses to build. One request per connection.
 */
public final class RawHttp {
    /** {@link #sendHuge}'s status when the server closed the connection without reading the body or answering legibly. */
    public static final int CLOSED_WITHOUT_READING = -1;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** A request with a body and its length; {@code headers} are lines without the trailing CRLF. */
    public Response send(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedByServer) {
                // refused before the whole body was sent: the answer may still be there to read
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Announces a body of {@code declared} bytes and checks that the server answers without reading it. With a
     * declared length nothing of the body is sent at all; chunked, {@code prefix} and then 512 KiB (more than any
     * limit) are sent and the connection is left open. Either way a server that waits for the rest never answers:
     * the result is then null, after the read timeout.
     */
    public Response sendHuge(String method, String target, Map<String, String> headers, String prefix, long declared,
                             boolean chunked) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declared + "\r\n").append("\r\n");
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (chunked) {
                    byte[] block = new byte[16 * 1024];
                    Arrays.fill(block, (byte) 'a');
                    byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(start);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < 32; i++) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(block);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                out.flush();
            } catch (IOException closedByServer) {
                // it answered and closed before taking everything: what is being tested
            }
            try {
                return read(socket.getInputStream());
            } catch (SocketException resetBeforeTheAnswerWasRead) {
                // the server refused and closed while we were still sending; the reset discarded its answer
                return new Response(CLOSED_WITHOUT_READING, Map.of(), "");
            }
        } catch (SocketTimeoutException waited) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (complete(all.toByteArray())) {
                    break;
                }
            }
        } catch (SocketException | SocketTimeoutException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return parse(all.toByteArray());
    }

    /** Whether a whole response (headers and its declared or chunked body) has arrived. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        String body = text.substring(end + 4);
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int eol = head.indexOf("\r\n", length);
            long declared = Long.parseLong(head.substring(length + 15, eol < 0 ? head.length() : eol).strip());
            return body.length() >= declared;
        }
        if (head.contains("transfer-encoding: chunked")) {
            return body.endsWith("0\r\n\r\n");
        }
        return head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304");
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String rawBody = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        String body = headers.getOrDefault("transfer-encoding", "").contains("chunked") ? dechunk(rawBody) : rawBody;
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String raw) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < raw.length()) {
            int eol = raw.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(raw.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(raw, eol + 2, Math.min(raw.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
