package dev.mnemo.security;

import dev.mnemo.system.StorableText;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling the HTTP API: a person (through one of their tokens), or the operator (the admin token). A
 * controller takes it as {@code @AuthenticationPrincipal Caller caller} and asks it which user a request is for:
 * a person only ever reaches their own data; the admin names the user.
 *
 * @param userId  the person the token belongs to; empty for the admin token
 * @param tokenId the person token's id (for logs and revocation); empty for the admin token and for a person signed
 *                in to the web app
 */
public record Caller(Optional<String> userId, Optional<String> tokenId) {
    public static final int MAX_USER_ID = 128;

    static Caller admin() {
        return new Caller(Optional.empty(), Optional.empty());
    }

    static Caller person(String userId, String tokenId) {
        return new Caller(Optional.of(userId), Optional.of(tokenId));
    }

    /** A person signed in to the web app with their password. */
    static Caller signedIn(String userId) {
        return new Caller(Optional.of(userId), Optional.empty());
    }

    public boolean isAdmin() {
        return userId.isEmpty();
    }

    /**
     * The user a request is about. A person's token implies them ({@code requested} may be omitted) and another
     * user is refused with 403; the admin token must name the user.
     *
     * @throws ResponseStatusException 400 when the requested id is missing (admin) or malformed, 403 when a person
     *                                 asks for someone else
     */
    public String user(String requested) {
        String wanted = requested == null || requested.isBlank() ? null : validUserId(requested.strip());
        if (isAdmin()) {
            if (wanted == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId is required with the admin token");
            }
            return wanted;
        }
        String own = userId.orElseThrow();
        if (wanted != null && !wanted.equals(own)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this token cannot reach another user's data");
        }
        return own;
    }

    /** Whether data owned by {@code owner} is this caller's to see or change. */
    public boolean mayAccess(String owner) {
        return isAdmin() || userId.orElseThrow().equals(owner);
    }

    /** A user id: 1 to 128 characters, none of them a control character. */
    static String validUserId(String id) {
        if (id.isEmpty() || id.length() > MAX_USER_ID) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId must be 1 to " + MAX_USER_ID + " characters");
        }
        if (id.chars().anyMatch(Character::isISOControl) || !StorableText.of(id).equals(id)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId must not contain control characters");
        }
        return id;
    }
}
