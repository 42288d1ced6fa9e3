package dev.mnemo.web;

import static dev.mnemo.testing.PageForms.csrf;
import static dev.mnemo.testing.PageForms.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.security.WebAccounts;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing in over plain HTTP, as a browser does (cookies kept per browser): the session cookie's flags, no session
 * for a stranger, CSRF on every form, the lock-outs (per client and per account, counted even for attempts made at
 * once, lifted by time or {@code user passwd}, the same answer as a wrong password), the session ended by a new
 * password or by its age, sign-out; and the API's bearer tokens untouched by all of it.
 */
@SqliteApp
@TestPropertySource(properties = {"assistant.web.sign-in.max-failures=3", "assistant.web.sign-in.per-minute=1000"})
class WebSignInTest {

    @LocalServerPort
    int port;
    @Autowired
    WebAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    /** One browser: its own cookies, no redirects followed. */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html,application/xhtml+xml").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the form with the CSRF token of the page at {@code formPage}. */
        HttpResponse<String> submit(String formPage, String path, String form) throws Exception {
            return post(path, form + (form.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf(get(formPage).body())));
        }

        /** Where signing in leads: {@code /} when it worked, {@code /login?error} when not. */
        String signIn(String user, String password) throws Exception {
            HttpResponse<String> response = submit("/login", "/login", "username=" + enc(user) + "&password=" + enc(password));
            return response.headers().firstValue("Location").orElse("");
        }
    }

    @Test
    void aPasswordSignsInWithAStrictHttpOnlySessionCookieAndEveryFormNeedsItsCsrfToken() throws Exception {
        String user = account("signin");
        Browser browser = new Browser();
        HttpResponse<String> form = browser.get("/login");
        assertThat(form.headers().allValues("Set-Cookie")).as("a stranger gets no session").noneMatch(c -> c.startsWith("MNEMO_SESSION="))
                .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("HttpOnly", "SameSite=Lax"));
        HttpResponse<String> failed = browser.post("/login", "username=" + user + "&password=wrong&_csrf=" + enc(csrf(form.body())));
        assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(failed.headers().allValues("Set-Cookie")).as("a failed sign-in makes no session").noneMatch(c -> c.startsWith("MNEMO_SESSION="));
        form = browser.get("/login");
        HttpResponse<String> signedIn = browser.post("/login", "username=" + user + "&password=" + enc("a long enough password")
                + "&_csrf=" + enc(csrf(form.body())));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("MNEMO_SESSION=").contains("HttpOnly", "SameSite=Lax", "Path=/"));
        assertThat(browser.get("/settings").body()).contains(user);

        // A form posted without the page's CSRF token is refused (saying so), with it accepted.
        HttpResponse<String> forged = browser.post("/settings/profile", "displayName=X&zone=UTC");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This form has expired");
        assertThat(browser.submit("/settings", "/settings/profile", "displayName=Ana&zone=Europe%2FLisbon").statusCode()).isEqualTo(302);
        assertThat(browser.get("/settings").body()).contains("Europe/Lisbon", "value=\"Ana\"");

        // Bad input is a 400 page that says why, and nothing changes.
        HttpResponse<String> bad = browser.submit("/settings", "/settings/profile", "displayName=Ana&zone=Mars%2FBase");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown time zone").doesNotContain("Exception");
        for (String path : List.of("/memories?sort=sideways", "/memories?offset=abc", "/memories?offset=-1",
                "/memories?kind=SPACESHIP", "/memories?status=gone", "/costs?month=2026-13", "/costs?month=0999-01")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("<h1>400").doesNotContain("Exception");
        }
        for (String date : List.of("+300000000-01-01T00:00", "nonsense", "1999-12-31T10:00")) {
            assertThat(browser.submit("/reminders", "/reminders", "text=x&dueAt=" + enc(date)).statusCode()).as(date).isEqualTo(400);
        }
        // A long message in another script (six bytes a letter, form-encoded) is taken in; a malformed body is a 400.
        assertThat(browser.submit("/", "/chat", "text=" + enc("Привет".repeat(1800))).statusCode()).isEqualTo(302);
        assertThat(browser.get("/").body()).contains("Привет".repeat(10));
        HttpResponse<String> malformed = browser.post("/chat", "text=%zz&_csrf=" + enc(csrf(browser.get("/").body())));
        assertThat(malformed.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownPage = browser.http.send(HttpRequest.newBuilder(uri("/memories/a/b"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("There is no such page.");

        String stillOpen = browser.get("/").body();
        assertThat(browser.submit("/settings", "/logout", "").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signedOut"));
        assertThat(browser.get("/settings").statusCode()).isEqualTo(302);
        // A form from a page still open after signing out is not silently dropped: the answer says it was not sent.
        HttpResponse<String> late = browser.post("/chat", "text=hello&_csrf=" + enc(csrf(stillOpen)));
        assertThat(late.statusCode()).isIn(401, 403);
        assertThat(late.body()).containsAnyOf("Not sent: you were signed out", "This form has expired");
    }

    @Test
    void failuresLockTheClientOutThenTheAccountAndTheAnswerNeverSaysWhich() throws Exception {
        String user = account("lock");
        Browser attacker = new Browser();
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.signIn(user, "wrong password " + i)).endsWith("/login?error");
        }
        // Locked for this client: even the right password is refused, with the answer a wrong one gets.
        assertThat(attacker.signIn(user, "a long enough password")).endsWith("/login?error");
        assertThat(attacker.signIn("nobody-" + user, "whatever it is")).endsWith("/login?error");
        clock.advance(Duration.ofMinutes(16));
        assertThat(attacker.signIn(user, "a long enough password")).endsWith("/");

        // Attempts made at once are each counted before any password is compared: no more than the limit get through.
        List<Callable<String>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            burst.add(() -> new Browser().signIn(user, "parallel guess " + n));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> attempt : pool.invokeAll(burst)) {
                assertThat(attempt.get()).endsWith("/login?error");
            }
        }
        int failures = jdbc.sql("SELECT failed_attempts FROM web_signin_failures WHERE user_id = ?").param(user)
                .query(Integer.class).single();
        assertThat(failures).isEqualTo(3);
        assertThat(new Browser().signIn(user, "a long enough password")).endsWith("/login?error");
        assertThat(accounts.changePassword(user, "a brand new password".toCharArray())).isEqualTo(WebAccounts.Outcome.DONE);
        assertThat(new Browser().signIn(user, "a brand new password")).endsWith("/");
    }

    @Test
    void aNewPasswordOrTheSessionsAgeEndsTheSessionsSignedInBefore() throws Exception {
        String user = account("ends");
        Browser laptop = new Browser();
        assertThat(laptop.signIn(user, "a long enough password")).endsWith("/");
        assertThat(laptop.get("/settings").statusCode()).isEqualTo(200);
        accounts.changePassword(user, "another long password".toCharArray());
        assertThat(laptop.get("/settings").statusCode()).isEqualTo(302);

        Browser phone = new Browser();
        assertThat(phone.signIn(user, "another long password")).endsWith("/");
        clock.advance(Duration.ofDays(6));
        assertThat(phone.get("/settings").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        assertThat(phone.get("/settings").statusCode()).isEqualTo(302);
    }

    @Test
    void signedOutPagesLeadToTheFormAndTheApiKeepsItsBearerTokens() throws Exception {
        Browser stranger = new Browser();
        for (String path : List.of("/", "/memories", "/memories/x", "/reminders", "/costs", "/costs/month.csv",
                "/activity", "/settings", "/chat/updates")) {
            HttpResponse<String> response = stranger.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("MNEMO_SESSION="));
        }
        HttpResponse<String> htmx = stranger.http.send(HttpRequest.newBuilder(uri("/chat/updates")).header("HX-Request", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(htmx.statusCode()).as(htmx.headers().map().toString()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(stranger.get("/login").body()).contains("<label for=\"password\">", "autocomplete=\"current-password\"");
        HttpResponse<String> css = stranger.get("/assets/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("max-age="));
        Matcher script = Pattern.compile("src=\"(/webjars/htmx.org/[^\"]+)\"").matcher(stranger.get("/login").body());
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).as("addressed by its content").matches("/webjars/htmx.org/[0-9.]+/dist/htmx.min-[0-9a-f]{32}\\.js");
        assertThat(stranger.get(script.group(1)).statusCode()).isEqualTo(200);

        HttpResponse<String> api = stranger.get("/api/v1/memories");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\"");
        HttpResponse<String> bearer = stranger.http.send(HttpRequest.newBuilder(uri("/api/v1/memories?userId=owner"))
                .header("Authorization", "Bearer " + SqliteApp.API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("Set-Cookie")).isEmpty();
        // A session is no way into the API, a bearer token no way into the pages.
        String user = account("api");
        Browser browser = new Browser();
        browser.signIn(user, "a long enough password");
        assertThat(browser.get("/api/v1/memories").statusCode()).isEqualTo(401);
        assertThat(stranger.http.send(HttpRequest.newBuilder(uri("/settings")).header("Authorization", "Bearer " + SqliteApp.API_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    private String account(String prefix) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(user, "a long enough password".toCharArray());
        return user;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
