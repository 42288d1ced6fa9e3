package dev.mnemo.web;

import static dev.mnemo.testing.PageForms.csrf;
import static dev.mnemo.testing.PageForms.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mnemo.security.WebAccounts;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.FakeTwilio;
import dev.mnemo.testing.SmsApp;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A one-time sign-in link by SMS (a fake Twilio on loopback) to a person with an allowed address, who has no
 * password at all: it leads to the configured address whatever host the request was made to (or named in
 * X-Forwarded-Host), a visit (a link preview) spends nothing, the button signs in once; a name without a phone or
 * Discord address — even one with a web account — gets the same answer and no message, never one in the web inbox
 * that an API token could read.
 */
@SmsApp
@TestPropertySource(properties = {"assistant.web.sign-in.base-url=https://mnemo.example.org/", "assistant.web.sign-in.per-minute=1000"})
class SignInLinkTest {
    private static final Pattern LINK = Pattern.compile("https://mnemo\\.example\\.org/login/link/([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;
    @Autowired
    WebAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void twilio() {
        FakeModelServer.reset();
        FakeTwilio.acceptMessages();
        jdbc.sql("DELETE FROM sign_in_links WHERE user_id = 'alice'").update();
    }

    private List<String> texts() {
        return FakeTwilio.sent().stream().filter(m -> SmsApp.ALICE_PHONE.equals(m.get("To"))).map(m -> m.get("Body")).toList();
    }

    @Test
    void aLinkSentByTextSignsInOnce() throws Exception {
        String user = "alice";
        HttpClient browser = client();
        String form = get(browser, "/login").body();
        assertThat(form).contains("Send me a link");
        HttpResponse<String> asked = browser.send(post("/login/link", "username=" + user + "&_csrf=" + enc(csrf(form)))
                .header("X-Forwarded-Host", "evil.example.com").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?linkSent"));
        // Made and sent after the answer, so that its timing tells nothing.
        await().atMost(Duration.ofSeconds(10)).until(() -> texts().size() == 1);
        String text = texts().getFirst();
        assertThat(text).doesNotContain("evil").matches("\\p{ASCII}+");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(inbox(user)).isEmpty();
        String secret = link.group(1);
        // Asking again in the same minute sends nothing more (the second request's work done: a row in the table).
        browser.send(post("/login/link", "username=" + user + "&_csrf=" + enc(csrf(get(browser, "/login").body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM sign_in_links WHERE user_id = ?")
                .param(user).query(Long.class).single() == 1);
        assertThat(texts()).hasSize(1);

        // A visit shows whom it signs in and spends nothing; the button signs in; the link is then spent.
        HttpClient phone = client();
        HttpResponse<String> visit = get(phone, "/login/link/" + secret);
        assertThat(visit.body()).contains("signs you in as <strong>" + user + "</strong>");
        assertThat(get(phone, "/login/link/" + secret).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = phone.send(post("/login/link/" + secret, "_csrf=" + enc(csrf(visit.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        // alice has no password: signed in by the link alone, and the session lasts.
        assertThat(get(phone, "/settings").body()).contains("Signed in as <strong>" + user + "</strong>");
        assertThat(get(phone, "/memories").statusCode()).isEqualTo(200);
        HttpClient other = client();
        HttpResponse<String> again = get(other, "/login/link/" + secret);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?linkUsed"));
    }

    @Test
    void aNameWithoutPhoneOrDiscordGetsTheSameAnswerAndNothingIsSentAndOldLinksExpire() throws Exception {
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(stranger, "a long enough password".toCharArray());
        HttpClient browser = client();
        HttpResponse<String> asked = browser.send(post("/login/link", "username=" + stranger + "&_csrf="
                + enc(csrf(get(browser, "/login").body()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?linkSent"));

        browser.send(post("/login/link", "username=alice&_csrf=" + enc(csrf(get(browser, "/login").body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> texts().size() == 1);
        Matcher link = LINK.matcher(texts().getFirst());
        assertThat(link.find()).isTrue();
        Instant before = clock.instant();
        clock.advance(Duration.ofMinutes(16));
        assertThat(get(client(), "/login/link/" + link.group(1)).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?linkUsed"));
        assertThat(get(client(), "/login/link/not-a-secret").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?linkUsed"));
        clock.set(before);
        // By now the stranger's request (made first) is long done: it sent nothing, by any channel.
        assertThat(inbox(stranger)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_links WHERE user_id = ?").param(stranger).query(Long.class).single()).isZero();
    }

    private List<String> inbox(String user) {
        return jdbc.sql("SELECT text FROM deliveries WHERE user_id = ? AND channel = 'web' ORDER BY id").param(user)
                .query(String.class).list();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
