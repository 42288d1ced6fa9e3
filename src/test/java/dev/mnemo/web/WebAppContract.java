package dev.mnemo.web;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.mnemo.testing.FakeAnthropicApp.CHEAP;
import static dev.mnemo.testing.FakeModelServer.ANTHROPIC_PATH;
import static dev.mnemo.testing.FakeModelServer.anthropic;
import static dev.mnemo.testing.FakeModelServer.anthropicReply;
import static dev.mnemo.testing.FakeModelServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.CostReport;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.security.WebAccounts;
import dev.mnemo.testing.Browser;
import dev.mnemo.user.UserSettings;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.proactive.ReminderDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web app in a real browser (Debian's chromium, headless), on each database: sign in, chat with a fake model,
 * see the memory the chat created, correct it, read its history, forget it (gone from the list, the search and the
 * next prompt); a reminder set in chat on the reminders page; the ledger's numbers on the costs page; another
 * person's memory a 404 by every way in. Every page is kept as a screenshot in {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebAppContract {
    static final String PASSWORD = "correct horse battery";
    static final String REMEMBERED = "The user's sister Ana lives in Porto.";
    static final String CORRECTED = "The user's sister Ana lives in Lisbon now.";

    @LocalServerPort
    int port;
    @Autowired
    WebAccounts accounts;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    MemoryRecall recall;
    @Autowired
    MemoryIntake intake;
    @Autowired
    CostLedger ledger;
    @Autowired
    Reminders reminders;
    @Autowired
    MutableClock clock;
    @Autowired
    ReminderDelivery delivery;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemoryControl control;
    @Autowired
    UserSettings settings;

    Browser browser;
    String user;
    /** The shared test clock as it was: other tests of this context read it. */
    Instant clockBefore;

    /** Which database: the screenshots' prefix. */
    abstract String database();

    @BeforeAll
    void openBrowser() {
        browser = Browser.open("http://127.0.0.1:" + port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void clockBack() {
        clock.set(clockBefore);
    }

    @BeforeEach
    void person() {
        clockBefore = clock.instant();
        FakeModelServer.reset();
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("You are Mnemo"))
                .willReturn(anthropicReply(CHEAP, "Noted: Ana is in Porto.", 100, 10, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("memory extractor"))
                .willReturn(anthropicReply(CHEAP, "{\"memories\": [{\"text\": \"" + REMEMBERED
                        + "\", \"kind\": \"person\", \"tags\": [\"Ana\", \"family\"], \"correction\": false}]}", 300, 40, 0, 0)));
        server().stubFor(anthropic(CHEAP).withRequestBody(containing("importance judge"))
                .willReturn(anthropicReply(CHEAP, "{\"scores\": [8]}", 120, 5, 0, 0)));
        worker.drain();
        user = "web-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(user, PASSWORD.toCharArray());
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aPersonChatsThenSeesCorrectsAndForgetsTheMemoryTheChatCreated() {
        browser.go("/memories");
        assertThat(browser.path()).isEqualTo("/login");
        browser.screenshot(database() + "-login");
        browser.signIn(user, PASSWORD);
        // Back to the page that asked for the sign-in.
        browser.await("the memories page", d -> browser.path().startsWith("/memories"));
        browser.click("a[href='/']");
        browser.await("the chat page", d -> browser.path().equals("/"));

        browser.type("#text", "My sister Ana lives in Porto.");
        browser.click("#chat-form button");
        browser.awaitText("Noted: Ana is in Porto.");
        assertThat(browser.driver().findElements(By.cssSelector("#transcript li.you")))
                .extracting(e -> e.findElement(By.className("text")).getText()).containsExactly("My sister Ana lives in Porto.");
        assertThat(worker.drain()).isEqualTo(1);
        browser.screenshot(database() + "-chat");
        assertThat(browser.fitsPhone(database() + "-chat")).as("the chat page at a phone's width").isTrue();

        browser.click("a[href='/memories']");
        browser.awaitText(REMEMBERED);
        browser.screenshot(database() + "-memories");
        assertThat(browser.fitsPhone(database() + "-memories")).as("the memories page at a phone's width").isTrue();
        browser.driver().findElement(By.linkText(REMEMBERED)).click();
        browser.await("the memory's page", d -> browser.path().startsWith("/memories/"));
        String memoryPath = browser.path();
        assertThat(browser.text(".sources")).contains("My sister Ana lives in Porto.");

        browser.type("#edit-text", CORRECTED);
        browser.type("#edit-importance", "9");
        browser.click("#edit-form button");
        browser.await("the corrected memory", d -> browser.text("#memory-text").equals(CORRECTED));
        assertThat(browser.text(".timeline")).contains(REMEMBERED).contains("edited");
        assertThat(browser.text(".facts")).contains("9 / 10");
        browser.screenshot(database() + "-memory");
        assertThat(browser.fitsPhone(database() + "-memory")).as("the memory page at a phone's width").isTrue();

        browser.click("#forget-link");
        browser.awaitText("Forget this memory?");
        browser.screenshot(database() + "-forget");
        browser.click("#confirm-forget");
        browser.await("the list after forgetting", d -> browser.path().equals("/memories"));
        assertThat(browser.page()).contains("Forgotten for good").doesNotContain(CORRECTED);
        browser.go("/memories?q=Ana+Lisbon");
        assertThat(browser.page()).doesNotContain(CORRECTED).contains("No memories here yet.");
        browser.go(memoryPath);
        assertThat(browser.page()).contains("404");

        browser.go("/");
        // From the keyboard alone: Enter sends.
        browser.find("#text").sendKeys("Where does my sister live?", Keys.ENTER);
        browser.await("the second reply", d -> browser.driver().findElements(By.cssSelector("#transcript li.mnemo")).size() == 2);
        List<LoggedRequest> prompts = server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ANTHROPIC_PATH))
                .withRequestBody(containing("You are Mnemo")));
        assertThat(prompts.getLast().getBodyAsString()).contains("Where does my sister live?")
                .doesNotContain("lives in Lisbon").doesNotContain(REMEMBERED);
    }

    @Test
    void aReminderSetInChatIsOnTheRemindersPageAndTheCostsPageShowsTheLedger() throws Exception {
        browser.signIn(user, PASSWORD);
        browser.await("the chat page", d -> browser.path().equals("/"));
        browser.type("#text", "/remind in 2 hours stretch your legs");
        browser.click("#chat-form button");
        browser.awaitText("I'll remind you: stretch your legs");
        browser.type("#text", "Hello there");
        browser.click("#chat-form button");
        browser.awaitText("Noted: Ana is in Porto.");

        // The reminder falls due while the chat is open: it appears without a reload, and leaves the inbox once shown.
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        browser.await("the reminder in the chat", d -> browser.driver().findElements(By.cssSelector("#transcript li.notice"))
                .stream().anyMatch(li -> li.getText().contains("stretch your legs")));
        browser.await("the reminder handed over", d -> jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND status = 'QUEUED'")
                .param(user).query(Long.class).single() == 0);
        assertThat(browser.driver().findElements(By.cssSelector("#transcript li.notice"))).hasSize(1);
        browser.go("/reminders");
        assertThat(browser.text("table")).contains("stretch your legs", "sent");
        browser.go("/");
        browser.type("#text", "/remind in 2 hours stretch your legs");
        browser.click("#chat-form button");
        browser.awaitText("I'll remind you: stretch your legs");

        browser.click("a[href='/reminders']");
        browser.awaitText("stretch your legs");
        assertThat(browser.text(".reminders")).contains("stretch your legs");
        assertThat(reminders.pending(user)).singleElement()
                .satisfies(r -> assertThat(browser.find(".reminders time").getAttribute("datetime")).isEqualTo(r.dueAt().toString()));
        Reminder set = reminders.pending(user).getFirst();
        browser.script("arguments[0].value = '2027-01-02T09:30'", browser.find("#move-" + set.id()));
        browser.find("form[action$='/" + set.id() + "/move'] button").click();
        browser.await("the reminder moved", d -> browser.page().contains("Moved."));
        assertThat(reminders.pending(user).getFirst().dueAt().atZone(set.timeZone()).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 1, 2, 9, 30));
        browser.screenshot(database() + "-reminders");
        assertThat(browser.fitsPhone(database() + "-reminders")).as("the reminders page at a phone's width").isTrue();

        browser.click("a[href='/costs']");
        browser.awaitText("against the budget");
        CostReport report = ledger.report(user, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        assertThat(report.calls()).isPositive();
        assertThat(browser.text("#total-usd")).isEqualTo("$" + report.totalUsd().toPlainString());
        assertThat(browser.text("#budget-usd")).isEqualTo("$" + report.budgetUsd().toPlainString());
        assertThat(browser.text("#calls")).isEqualTo(Long.toString(report.calls()));
        assertThat(browser.text("#lines-model")).contains(CHEAP);
        browser.await("the chart", d -> !d.findElements(By.cssSelector("#spend-chart canvas")).isEmpty());
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/costs/month.csv")).header("Cookie", browser.cookies()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("section,key,calls").contains("model," + CHEAP + ",")
                .contains("total," + report.month() + "," + report.calls() + ",");
        browser.screenshot(database() + "-costs");
        assertThat(browser.fitsPhone(database() + "-costs")).as("the costs page at a phone's width").isTrue();

        browser.click("a[href='/activity']");
        browser.awaitText("Memory sleep");
        browser.screenshot(database() + "-activity");
        browser.click("a[href='/settings']");
        browser.awaitText("API tokens");
        browser.type("#token-name", "laptop");
        browser.type("#token-password", "not my password");
        browser.find("#token-name").submit();
        browser.awaitText("No token created");
        browser.type("#token-name", "laptop");
        browser.type("#token-password", PASSWORD);
        browser.find("#token-name").submit();
        browser.awaitText("shown only this once");
        assertThat(browser.text("#new-token")).startsWith("mnemo_");
        browser.screenshot(database() + "-settings");
        assertThat(browser.fitsPhone(database() + "-settings")).as("the settings page at a phone's width").isTrue();
        // Check-ins off, and quiet hours of the person's own.
        browser.script("arguments[0].checked = false; arguments[1].value = '23:00'; arguments[2].value = '07:00'",
                browser.find("input[name=enabled]"), browser.find("#quietStart"), browser.find("#quietEnd"));
        browser.find("#quietEnd").submit();
        browser.await("the check-ins saved", d -> browser.page().contains("Check-ins off"));
        assertThat(settings.checkIns(user)).hasValueSatisfying(choice -> {
            assertThat(choice.enabled()).isFalse();
            assertThat(choice.quietStart()).isEqualTo(LocalTime.of(23, 0));
            assertThat(choice.quietEnd()).isEqualTo(LocalTime.of(7, 0));
        });
        browser.click(".signout button");
        browser.await("the sign-in page", d -> browser.path().startsWith("/login"));
        browser.go("/settings");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void withoutJavaScriptEveryFormStillWorks() {
        try (Browser plain = Browser.open("http://127.0.0.1:" + port, false)) {
            plain.signIn(user, PASSWORD);
            plain.await("the chat page", d -> plain.path().equals("/"));
            plain.type("#text", "My sister Ana lives in Porto.");
            plain.click("#chat-form button");
            plain.await("the reply after a reload", d -> plain.page().contains("Noted: Ana is in Porto."));
            assertThat(worker.drain()).isEqualTo(1);
            plain.go("/memories");
            plain.driver().findElement(By.linkText(REMEMBERED)).click();
            plain.type("#edit-text", CORRECTED);
            plain.click("#edit-form button");
            plain.await("the corrected memory", d -> plain.text("#memory-text").equals(CORRECTED));
            plain.click("#forget-link");
            plain.click("#confirm-forget");
            plain.await("the list after forgetting", d -> plain.page().contains("Forgotten for good"));
            assertThat(recall.list(user, 10)).isEmpty();
            // A memory sleep set aside (pruned) is restored from its page.
            Memory pruned = intake.remember(user, "The user's bike is blue.", null).memory();
            assertThat(control.prune(user, pruned.id())).isTrue();
            plain.go("/memories?status=pruned");
            plain.driver().findElement(By.linkText("The user's bike is blue.")).click();
            plain.click("form[action$='/restore'] button");
            plain.await("the memory restored", d -> plain.page().contains("Restored"));
            assertThat(control.get(user, pruned.id())).isPresent();

            plain.go("/reminders");
            plain.type("#r-text", "water the plants");
            plain.click("#r-text ~ button");
            plain.await("the new reminder", d -> plain.text(".reminders").contains("water the plants"));
            plain.click(".reminders form.inline:last-of-type button");
            plain.await("the reminder cancelled", d -> plain.page().contains("Cancelled."));
            assertThat(reminders.pending(user)).isEmpty();

        }
    }

    @Test
    void anotherPersonsMemoryIsNotFoundByAnyWayIn() throws Exception {
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        Memory theirs = intake.remember(other, "The other person's secret is 42.", null).memory();
        browser.signIn(user, PASSWORD);
        browser.await("the chat page", d -> browser.path().equals("/"));
        browser.go("/memories/" + theirs.id());
        assertThat(browser.page()).contains("404").doesNotContain("secret is 42");
        browser.go("/memories?person=other");
        assertThat(browser.page()).doesNotContain("secret is 42");
        browser.go("/memories?q=secret+42");
        assertThat(browser.page()).doesNotContain("secret is 42");

        // Beside the browser, with its session: every tampered way to the other person's memory is a 404 (or refused
        // by the firewall), and a change posted without the page's CSRF token is refused.
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie = browser.cookies();
        for (String path : List.of("/memories/" + theirs.id(), "/memories/" + theirs.id().toUpperCase(),
                "/memories/" + theirs.id() + "/forget", "/memories/%2e%2e/" + theirs.id(),
                "/memories/" + theirs.id().substring(0, 8), "/memories/" + theirs.id() + ";jsessionid=x")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("secret is 42");
        }
        for (String action : List.of("", "/forget", "/restore")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/memories/" + theirs.id() + action))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("text=mine&kind=FACT&importance=5")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST without CSRF " + action).isEqualTo(403);
        }
        assertThat(recall.list(other, 10)).extracting(Memory::text).containsExactly("The other person's secret is 42.");

        // With the page's own CSRF token, the change still cannot reach it.
        browser.go("/memories");
        String csrf = browser.find("input[name=_csrf]").getAttribute("value");
        for (Map.Entry<String, String> post : Map.of("/forget", "", "", "text=mine&kind=FACT&importance=5&",
                "/restore", "").entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/memories/" + theirs.id() + post.getKey()))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(post.getValue() + "_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST " + post.getKey()).isEqualTo(404);
        }
        assertThat(recall.list(other, 10)).extracting(Memory::text).containsExactly("The other person's secret is 42.");
    }
}
