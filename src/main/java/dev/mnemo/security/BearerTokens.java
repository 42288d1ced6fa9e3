package dev.mnemo.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code Authorization: Bearer …} and proves it: the admin token, or a live person token. No header means
 * anonymous (the rules then decide); any other header is a failed authentication.
 */
@Component
class BearerTokens implements AuthenticationConverter, AuthenticationProvider {
    private static final String BEARER = "Bearer ";

    private final AdminToken admin;
    private final PersonTokens people;

    BearerTokens(AdminToken admin, PersonTokens people) {
        this.admin = admin;
        this.people = people;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() > 1024) {
            throw new BadCredentialsException("send Authorization: Bearer <token>");
        }
        return CallerAuthentication.presented(header.substring(BEARER.length()).strip());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = (String) authentication.getCredentials();
        if (admin.matches(presented)) {
            return CallerAuthentication.proven(Caller.admin());
        }
        return people.authenticate(presented).map(CallerAuthentication::proven)
                .orElseThrow(() -> new BadCredentialsException("invalid bearer token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return CallerAuthentication.class.isAssignableFrom(authentication);
    }
}
