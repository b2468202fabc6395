package com.voicecore.it.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver} (installed by src/test/scripts/ensure-chromium.sh before the integration tests).
 * Both binaries are named explicitly, so Selenium never tries to download a browser or driver (which
 * does not work on the project's machines). Where they are missing the test is skipped, saying why.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test (JUnit assumption) with the reason when Chromium or its driver is missing. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(installed(),
                "Browser test skipped: Debian's chromium and chromium-driver are not installed (run as root with apt-get"
                        + " available, or install them: apt-get install -y chromium chromium-driver)");
    }

    /** Whether Debian's chromium and its driver are there. */
    public static boolean installed() {
        return binary(BROWSERS).isPresent() && binary(DRIVERS).isPresent();
    }

    public static Browser start() {
        assumeAvailable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary(BROWSERS).orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--no-first-run", "--disable-extensions", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary(DRIVERS).orElseThrow()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    private static Optional<String> binary(List<String> candidates) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Lists are redrawn as events arrive, so an element read mid-redraw is looked up again rather than failing. */
    public <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(what).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Polls every 25 ms: for what must be acted on at once (an offer rings only a few seconds in the tests). */
    public <T> T awaitQuickly(Duration timeout, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
