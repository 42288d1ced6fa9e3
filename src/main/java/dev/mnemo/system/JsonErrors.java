package dev.mnemo.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an error leaves the HTTP API: {@code {"error": "..."}}, written by Jackson — as a response entity
 * from controllers, or straight to the servlet response where no message converter is at hand (filters,
 * security, the error page, Tomcat).
 */
public final class JsonErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The pages' Content-Security-Policy: only Mnemo's own scripts, styles and connections, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** A request attribute: the sentence the web app's error page shows for an error sent with {@code sendError}. */
    public static final String PAGE_MESSAGE = "mnemo.page-error-message";

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
        return JSON.writeValueAsString(new ApiError(message));
    }

    /** The error as a controller returns it. */
    public static ResponseEntity<ApiError> response(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(message));
    }

    public static ResponseEntity<ApiError> response(HttpStatus status, String message) {
        return response(status.value(), message);
    }

    /** The one body of every error Mnemo's HTTP API answers. */
    public record ApiError(String error) {
    }
}
