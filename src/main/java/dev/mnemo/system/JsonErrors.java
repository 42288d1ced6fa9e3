package dev.mnemo.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** Writes {@code {"error": "..."}} where no message converter is at hand: filters, security, the error page, Tomcat. */
public final class JsonErrors {
    /** The pages' Content-Security-Policy: only Mnemo's own scripts, styles and connections, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private JsonErrors() {
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        securityHeaders(response);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(message));
    }

    /**
     * The headers Spring Security adds to what passes its chain, for errors written before or outside it (the
     * request limits, the firewall, Tomcat itself).
     */
    public static void securityHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** Text for a status without a message of its own. */
    public static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return status >= 500 ? "internal error" : known != null ? known.getReasonPhrase().toLowerCase() : "error";
    }

    public static String body(String message) {
        return "{\"error\":\"" + escape(message) + "\"}";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
