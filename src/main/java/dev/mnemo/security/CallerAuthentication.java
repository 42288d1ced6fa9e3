package dev.mnemo.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A presented bearer token before it is checked, and the {@link Caller} it proved to be after. */
final class CallerAuthentication extends AbstractAuthenticationToken {
    static final String ADMIN = "ROLE_ADMIN";
    static final String PERSON = "ROLE_PERSON";

    private final transient Caller caller;
    private final transient String presented;

    private CallerAuthentication(Caller caller, String presented) {
        super(caller == null ? List.of()
                : List.of(new SimpleGrantedAuthority(caller.isAdmin() ? ADMIN : PERSON)));
        this.caller = caller;
        this.presented = presented;
        setAuthenticated(caller != null);
    }

    static CallerAuthentication presented(String token) {
        return new CallerAuthentication(null, token);
    }

    static CallerAuthentication proven(Caller caller) {
        return new CallerAuthentication(caller, null);
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "unauthenticated" : caller.isAdmin() ? "admin" : "token " + caller.tokenId().orElse("?");
    }

    @Override
    public String toString() {
        return "CallerAuthentication[" + getName() + "]";
    }
}
