package dev.mnemo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web session's life: made when a person signs in (with their password or a link), over when their password
 * changes after that or {@code sessionMaxAge} has passed since — however often the chat page's polling keeps it
 * from being idle.
 */
@Component
class WebSessions {
    private final WebAccounts accounts;
    private final WebSignInProperties properties;
    private final Clock clock;

    WebSessions(WebAccounts accounts, WebSignInProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a session remembers of its sign-in. */
    record SignedIn(long passwordSetAt, long at) {
    }

    Authentication signedIn(String userId) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                Caller.signedIn(userId), null, List.of(new SimpleGrantedAuthority(CallerAuthentication.PERSON)));
        token.setDetails(new SignedIn(accounts.passwordSetAt(userId).orElse(0L), clock.millis()));
        return token;
    }

    /** Ends, before anything else looks at it, a session whose password changed or that is too old. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getDetails() instanceof SignedIn signedIn
                        && authentication.getPrincipal() instanceof Caller caller && !current(caller, signedIn)) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean current(Caller caller, SignedIn signedIn) {
        Optional<Long> setAt = accounts.passwordSetAt(caller.userId().orElseThrow());
        return setAt.isPresent() && setAt.get() == signedIn.passwordSetAt()
                && clock.millis() - signedIn.at() < properties.sessionMaxAge().toMillis();
    }
}
