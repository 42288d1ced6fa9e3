package dev.mnemo.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/**}: a request needs the bearer token, and a body of at most {@link #MAX_BODY_BYTES}.
 * Health, metrics and webhooks (which carry their own signatures) are outside {@code /api}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiAccessFilter extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 256 * 1024;
    private static final String BEARER = "Bearer ";

    private final ApiToken token;

    ApiAccessFilter(ApiToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            JsonErrors.write(response, 401, "missing bearer token");
            return;
        }
        if (!token.matches(header.substring(BEARER.length()).trim())) {
            JsonErrors.write(response, 401, "invalid bearer token");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            JsonErrors.write(response, 413, "request body over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, MAX_BODY_BYTES), response);
    }
}
