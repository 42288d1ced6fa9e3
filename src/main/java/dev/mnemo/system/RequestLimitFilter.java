package dev.mnemo.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first check on every request, before security and before any body is read: a body of at most
 * {@link #WEBHOOK_BODY_BYTES} on the webhooks and {@link #MAX_BODY_BYTES} anywhere else (a declared length is
 * refused at once, a chunked body stops at the limit), and a query string that is well-formed percent-encoded UTF-8
 * without control characters. The webhook test is on the servlet path the container decoded and normalised, so
 * {@code /webhooks;x/…} or {@code /%77ebhooks/…} get the webhook limit too; every other path gets the API's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimitFilter extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 256 * 1024;
    static final long WEBHOOK_BODY_BYTES = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getServletPath().startsWith("/webhooks") ? WEBHOOK_BODY_BYTES : MAX_BODY_BYTES;
        if (request.getContentLengthLong() > limit) {
            JsonErrors.write(response, 413, "request body over " + limit + " bytes");
            return;
        }
        String problem = queryProblem(request.getQueryString());
        if (problem != null) {
            JsonErrors.write(response, 400, problem);
            return;
        }
        try {
            chain.doFilter(new BoundedBodyRequest(request, limit), response);
        } catch (BoundedBodyRequest.BodyTooLargeException e) {
            // read past the limit by a filter or the container rather than by a controller
            if (!response.isCommitted()) {
                response.reset();
                JsonErrors.write(response, 413, "request body over " + limit + " bytes");
            }
        }
    }

    /** Why a raw query string is refused, or null when it is fine. */
    static String queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (String part : query.split("&", -1)) {
            ByteBuffer bytes = ByteBuffer.allocate(part.length());
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    int hi = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                    int lo = hi >= 0 ? Character.digit(part.charAt(i + 2), 16) : -1;
                    if (lo < 0) {
                        return "the query string has a malformed percent-encoding";
                    }
                    bytes.put((byte) (hi << 4 | lo));
                    i += 2;
                } else if (c > 0x7e || c < 0x20) {
                    return "the query string must be percent-encoded";
                } else {
                    bytes.put((byte) c);
                }
            }
            CharBuffer decoded;
            try {
                decoded = utf8.reset().decode(bytes.flip());
            } catch (CharacterCodingException e) {
                return "the query string is not valid UTF-8";
            }
            if (decoded.chars().anyMatch(Character::isISOControl)) {
                return "the query string must not contain control characters";
            }
        }
        return null;
    }
}
