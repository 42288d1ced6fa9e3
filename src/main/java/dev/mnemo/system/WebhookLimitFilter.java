package dev.mnemo.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps {@code /webhooks/**} bodies at {@link #MAX_BODY_BYTES}: providers send small payloads, so anything
 * bigger is refused (413) before a signature is even checked; a body sent without a length stops at the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WebhookLimitFilter extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            JsonErrors.write(response, 413, "request body over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, MAX_BODY_BYTES), response);
    }
}
