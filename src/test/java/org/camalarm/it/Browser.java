package org.camalarm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (both installed by {@code .ci/run}),
 * kept offline: every host name but the loopback ones resolves to nothing. One per test class.
 */
final class Browser implements AutoCloseable {

    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/lib/chromium/chromium"));

    final ChromeDriver driver;
    private final Path profile;
    private final Path log;

    private Browser(ChromeDriver driver, Path profile, Path log) {
        this.driver = driver;
        this.profile = profile;
        this.log = log;
    }

    /** A browser; fails with what to install when Chromium is missing (CI must never skip these tests). */
    static Browser start(Path dir) throws IOException {
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The web UI's browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path log = dir.resolve("chromedriver.log");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
                        + "AutofillServerCommunication",
                "--metrics-recording-only",
                "--password-store=basic",
                "--use-mock-keychain",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=en-US",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, log);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits (polling every 50 ms) up to {@code seconds} for the condition to be true or non-null. */
    <T> T await(int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** The first element matching the CSS selector, waiting up to 10 s for it. */
    WebElement find(String css) {
        return await(10, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The console entries since the last call (SEVERE = errors, failed loads). */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Fails with the console's errors, if any came since the last call. */
    void assertNoConsoleErrors(String where) {
        List<String> errors = console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertEquals(List.of(), errors, "JavaScript console errors on " + where);
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /**
     * A PNG of the page {@code width} CSS pixels wide: 375 is a phone (emulated as a mobile device),
     * else a desktop window. Returns how wide the page is then (wider: it scrolls sideways).
     */
    long screenshot(Path file, int width) throws IOException {
        return screenshot(file, width, null);
    }

    /** {@link #screenshot(Path, int)} with the element of {@code selector} scrolled into view at that width. */
    long screenshot(Path file, int width, @Nullable String selector) throws IOException {
        Files.createDirectories(file.getParent());
        if (width < 600) {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        } else {
            driver.manage().window().setSize(new Dimension(width, 900));
        }
        try {
            if (selector != null) {
                script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", selector);
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return (Long) script("return document.documentElement.scrollWidth");
        } finally {
            if (width < 600) {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
