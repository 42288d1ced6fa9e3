package dev.mnemo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.security.WebAccounts;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing in over plain HTTP, as a browser does: the password set with {@code user add}, the session cookie's
 * flags, CSRF on every form, the lock-out after repeated failures (lifted by time or {@code user passwd}), the
 * throttle per address, sign-out; and the API's bearer tokens untouched by all of it.
 */
@SqliteApp
@TestPropertySource(properties = {"assistant.web.sign-in.max-failures=3", "assistant.web.sign-in.per-minute=1000"})
class WebSignInTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    WebAccounts accounts;
    @Autowired
    MutableClock clock;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPasswordSignsInWithAStrictHttpOnlySessionCookieAndEveryFormNeedsItsCsrfToken() throws Exception {
        String user = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(user, "a long enough password".toCharArray());

        Session session = signIn(user, "a long enough password");
        assertThat(session.location()).endsWith("/");
        assertThat(session.setCookie()).contains("MNEMO_SESSION=", "HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(get("/settings", session.cookie()).statusCode()).isEqualTo(200);
        assertThat(get("/settings", session.cookie()).body()).contains(user);

        // A form posted without the page's CSRF token is refused, with it accepted.
        assertThat(post("/settings/profile", session.cookie(), "displayName=X&zone=UTC").statusCode()).isEqualTo(403);
        String token = csrf(get("/settings", session.cookie()).body());
        assertThat(post("/settings/profile", session.cookie(), "displayName=Ana&zone=Europe%2FLisbon&_csrf=" + enc(token))
                .statusCode()).isEqualTo(302);
        assertThat(get("/settings", session.cookie()).body()).contains("Europe/Lisbon", "value=\"Ana\"");
        // Bad input is a 400 page that says why, and nothing changes.
        HttpResponse<String> bad = post("/settings/profile", session.cookie(), "displayName=Ana&zone=Mars%2FBase&_csrf=" + enc(token));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown time zone").doesNotContain("Exception");
        assertThat(get("/memories?sort=sideways", session.cookie()).statusCode()).isEqualTo(400);
        assertThat(get("/memories?offset=abc", session.cookie()).statusCode()).isEqualTo(400);
        assertThat(get("/costs?month=2026-13", session.cookie()).statusCode()).isEqualTo(400);

        assertThat(post("/logout", session.cookie(), "_csrf=" + enc(token)).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signedOut"));
        assertThat(get("/settings", session.cookie()).statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheLockOutEndsOrThePasswordIsChanged() throws Exception {
        String user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(user, "the right password".toCharArray());
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(user, "wrong password " + i).location()).endsWith("/login?error");
        }
        // Locked: even the right password is refused, and says so.
        assertThat(signIn(user, "the right password").location()).endsWith("/login?locked");
        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn(user, "the right password").location()).endsWith("/");

        for (int i = 0; i < 3; i++) {
            signIn(user, "wrong again " + i);
        }
        assertThat(signIn(user, "the right password").location()).endsWith("/login?locked");
        assertThat(accounts.changePassword(user, "a brand new password".toCharArray())).isEqualTo(WebAccounts.Outcome.DONE);
        assertThat(signIn(user, "a brand new password").location()).endsWith("/");
        // An unknown name is told apart from a wrong password by nothing.
        assertThat(signIn("nobody-" + user, "whatever it is").location()).endsWith("/login?error");
    }

    @Test
    void signedOutPagesLeadToTheFormAndTheApiKeepsItsBearerTokens() throws Exception {
        for (String path : List.of("/", "/memories", "/memories/x", "/reminders", "/costs", "/costs/month.csv",
                "/activity", "/settings", "/chat/updates")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        HttpResponse<String> htmx = http.send(HttpRequest.newBuilder(uri("/chat/updates")).header("HX-Request", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(get("/login", null).body()).contains("<label for=\"password\">", "autocomplete=\"current-password\"");
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/assets/app.css", null).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));

        HttpResponse<String> api = get("/api/v1/memories", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\"");
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(uri("/api/v1/memories?userId=owner"))
                .header("Authorization", "Bearer " + SqliteApp.API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("Set-Cookie")).isEmpty();
        // A session cookie is no way into the API.
        String user = "api-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(user, "the right password".toCharArray());
        assertThat(get("/api/v1/memories", signIn(user, "the right password").cookie()).statusCode()).isEqualTo(401);
    }

    /** A sign-in as the form posts it, with the form's CSRF token: where it leads, and the session it set. */
    record Session(String location, String setCookie, String cookie) {
    }

    private Session signIn(String user, String password) throws Exception {
        HttpResponse<String> form = get("/login", null);
        String cookie = sessionCookie(form).orElseThrow();
        HttpResponse<String> response = post("/login", cookie, "username=" + enc(user) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf(form.body())));
        Optional<String> fresh = sessionCookie(response);
        return new Session(response.headers().firstValue("Location").orElse(""),
                response.headers().firstValue("Set-Cookie").orElse(""), fresh.orElse(cookie));
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MNEMO_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field in " + page).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
