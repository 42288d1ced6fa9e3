package dev.mnemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium}, headless, through its {@code chromedriver} (both installed by {@code .ci/run}; nothing
 * is downloaded): a real browser for the web app's tests. Each page it is asked to keep is saved as a screenshot in
 * {@code target/screenshots}. Tests that need it skip without it, except on CI, where they fail.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("mnemo.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("mnemo.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(String base, boolean javascript) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("mnemo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,900", "--user-data-dir=" + profile);
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A browser on the server at {@code base} ({@code http://127.0.0.1:PORT}). */
    public static Browser open(String base) {
        return open(base, true);
    }

    /** @param javascript false: the browser runs no script at all, as some people's do */
    public static Browser open(String base, boolean javascript) {
        TestDatabases.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        try {
            return new Browser(base, javascript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs a script in the page (to set a date or time input, whose typing differs by locale). */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** The visible text of the whole page. */
    public String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    /**
     * Waits (up to 15 s) until the condition holds; fails with the page's text when it never does. An element read
     * while the page is being replaced (chromium says "does not belong to the document", or stale) is read again.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError("the page never showed " + what + "; it shows:\n" + page(), e);
        }
    }

    public void awaitText(String text) {
        await("'" + text + "'", d -> page().contains(text));
    }

    public void signIn(String user, String password) {
        go("/login");
        type("#username", user);
        type("#password", password);
        click("button[type=submit]");
    }

    /** Saves the page as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page at a phone's width (390 CSS pixels): saved as {@code NAME-phone.png}; true when nothing sticks out
     * sideways (no horizontal scrolling needed).
     */
    public boolean fitsPhone(String name) {
        Dimension desk = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            screenshot(name + "-phone");
            Object wide = driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            return ((Number) wide).intValue() <= 0;
        } finally {
            driver.manage().window().setSize(desk);
        }
    }

    /** The browser's cookies (the session's, the CSRF token's) as a Cookie header, for requests made beside it. */
    public String cookies() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
