package dev.mnemo.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a web sign-in with {@link WebAccounts#check} (which counts it towards the lock-outs): a wrong password, an
 * unknown name and a locked account all get the same answer, so none of them tells which names exist. The signed-in
 * principal is a {@link Caller}, as for a token.
 */
final class PasswordSignIn implements AuthenticationProvider {
    static final String WRONG = "wrong name or password";

    private final WebAccounts accounts;
    private final WebSessions sessions;

    PasswordSignIn(WebAccounts accounts, WebSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String user = presented.getName() == null ? "" : presented.getName().strip();
        String address = presented.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Optional<Long> passwordSetAt;
        try {
            passwordSetAt = accounts.check(user, presented.getCredentials() == null ? "" : presented.getCredentials().toString(), address);
        } catch (WebAccounts.Busy e) {
            throw new AuthenticationServiceException(e.getMessage());
        }
        return sessions.signedIn(user, passwordSetAt.orElseThrow(() -> new BadCredentialsException(WRONG)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
