package dev.mnemo.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a web sign-in against {@link WebAccounts}: a wrong password counts towards the lock-out, a locked account is
 * refused even with the right one, and an unknown name costs the same bcrypt work as a known one (so the time taken
 * does not tell which names exist). The signed-in principal is a {@link Caller}, as for a token.
 */
final class PasswordSignIn implements AuthenticationProvider {
    static final String WRONG = "wrong name or password";
    /** Compared against when the name is unknown: a bcrypt hash of nothing anyone can type. */
    private static final String UNKNOWN = WebAccounts.ENCODER.encode("\0unknown account\0");

    private final WebAccounts accounts;
    private final WebSignInProperties properties;
    private final Clock clock;

    PasswordSignIn(WebAccounts accounts, WebSignInProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String user = presented.getName() == null ? "" : presented.getName().strip();
        String password = presented.getCredentials() == null ? "" : presented.getCredentials().toString();
        if (user.isEmpty() || user.length() > Caller.MAX_USER_ID || user.chars().anyMatch(Character::isISOControl)) {
            throw new BadCredentialsException(WRONG);
        }
        long now = clock.millis();
        accounts.unlockExpired(user, now);
        Optional<WebAccounts.Account> account = accounts.find(user);
        if (account.isEmpty()) {
            WebAccounts.ENCODER.matches(password, UNKNOWN);
            throw new BadCredentialsException(WRONG);
        }
        if (account.get().lockedUntil().filter(until -> until > now).isPresent()) {
            throw new LockedException("too many failed sign-ins: try again after "
                    + Instant.ofEpochMilli(account.get().lockedUntil().get()) + " (or set a new password with user passwd)");
        }
        if (!WebAccounts.ENCODER.matches(password, account.get().passwordHash())) {
            accounts.failed(user, properties.maxFailures(), now + properties.lockout().toMillis());
            throw new BadCredentialsException(WRONG);
        }
        accounts.succeeded(user);
        return UsernamePasswordAuthenticationToken.authenticated(Caller.signedIn(account.get().userId()), null,
                List.of(new SimpleGrantedAuthority(CallerAuthentication.PERSON)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
