package org.mppfw.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.mppfw.testing.Peer;
import org.openqa.selenium.By;
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
 * Debian's headless Chromium driven through chromium-driver (both given by path: nothing is
 * downloaded). Registered as an extension, it saves the screenshot, the DOM and the browser's log
 * of a failed test under {@code target/webui-failures/}.
 */
final class Browser implements AutoCloseable, TestWatcher {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path FAILURES = Path.of("target/webui-failures");

    private ChromeDriver driver;
    private Path profile;

    /** Starts the browser (fails under CI, else skips, when Chromium is not installed). */
    void start() throws IOException {
        Path chromium = Peer.require("chromium");
        Path chromedriver = Peer.require("chromedriver");
        profile = Files.createTempDirectory("webui-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String id) {
        return await(d -> d.findElement(By.id(id)));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits for a condition of the page (no fixed sleep). */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }

    /** Waits until the element's text contains the given text; returns that text. */
    String awaitText(String id, String text) {
        return await(d -> {
            String t = d.findElement(By.id(id)).getText();
            return t.contains(text) ? t : null;
        });
    }

    /** Saves what the browser shows now (the Status page for the docs). */
    void screenshot(Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName().replaceAll("\\W+", "");
        try {
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            StringBuilder log = new StringBuilder(driver.getCurrentUrl()).append('\n');
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                log.append(e).append('\n');
            }
            Files.writeString(FAILURES.resolve(name + ".log"), log, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the browser's state: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
