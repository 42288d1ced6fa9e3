package dev.mnemo.channel.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An {@code application/x-www-form-urlencoded} body, read and parsed here from the raw bytes: Twilio signs the
 * POST parameters apart from the URL's query, which the servlet's parameter map would mix in, and a malformed
 * body must be a 400, not a failure inside the container.
 */
final class FormBody {
    private FormBody() {
    }

    /** A body that is too large (413) or not a form (400). */
    static final class BadForm extends Exception {
        private final HttpStatus status;

        BadForm(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    static Map<String, List<String>> read(HttpServletRequest request) throws BadForm {
        String body;
        try (InputStream in = request.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The webhook filter's bounded body ends a chunked upload past its limit with an IOException.
            throw new BadForm(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large or was cut off");
        }
        return parse(body);
    }

    static Map<String, List<String>> parse(String body) throws BadForm {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String decode(String text) throws BadForm {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadForm(HttpStatus.BAD_REQUEST, "the body is not a valid form");
        }
    }
}
