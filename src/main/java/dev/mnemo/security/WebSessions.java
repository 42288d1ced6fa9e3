package dev.mnemo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
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

    /**
     * What a session remembers of its sign-in.
     *
     * @param passwordSetAt when the password it was signed in with was set; {@link #NO_PASSWORD} for a sign-in by link
     *                      of a person who has none
     */
    record SignedIn(long passwordSetAt, long at) {
        static final long NO_PASSWORD = 0;
    }

    /** @param passwordSetAt when the password that proved it was set (read with that password's hash) */
    Authentication signedIn(String userId, long passwordSetAt) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                Caller.signedIn(userId), null, List.of(new SimpleGrantedAuthority(CallerAuthentication.PERSON)));
        token.setDetails(new SignedIn(passwordSetAt, clock.millis()));
        return token;
    }

    /** A sign-in by link: stamped with the password as it stands (none, for a person who has no account). */
    Authentication signedInByLink(String userId) {
        return signedIn(userId, accounts.passwordSetAt(userId).orElse(SignedIn.NO_PASSWORD));
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
        long setAt = accounts.passwordSetAt(caller.userId().orElseThrow()).orElse(SignedIn.NO_PASSWORD);
        return setAt == signedIn.passwordSetAt() && clock.millis() - signedIn.at() < properties.sessionMaxAge().toMillis();
    }
}
