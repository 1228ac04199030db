package org.amtsweg.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's real Chromium, headless, driven through Debian's chromedriver, with
 * its own profile and download folder. Each step it is asked to record leaves a screenshot under
 * {@code target/screenshots/} and is checked by axe-core.
 */
final class Chromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Platform.ROOT.resolve("deploy/e2e/target/screenshots");
    private static final String BINARY = System.getenv().getOrDefault("AMTSWEG_CHROMIUM", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("AMTSWEG_CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final String who;
    private int step;

    Chromium(String who) {
        this.who = who;
        try {
            this.downloads = Files.createTempDirectory("amtsweg-downloads-" + who);
            Path profile = Files.createTempDirectory("amtsweg-chromium-" + who);
            ChromeOptions options = new ChromeOptions()
                    .setBinary(BINARY)
                    .addArguments(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            "--window-size=1280,1400",
                            "--lang=de-DE",
                            "--user-data-dir=" + profile)
                    .setExperimentalOption(
                            "prefs",
                            Map.of(
                                    "download.default_directory",
                                    downloads.toString(),
                                    "download.prompt_for_download",
                                    false,
                                    "intl.accept_languages",
                                    "de-DE,de"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER))
                    .build();
            this.driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Clicks the button or link with exactly this visible text and waits for the next page. */
    void press(String text) {
        loading(() -> button(text).click());
    }

    /** Clicks a download link: the page stays. */
    void download(String text) {
        button(text).click();
    }

    /** Clicks what {@code css} finds, a form's button, and waits for the next page. */
    void submit(String css) {
        loading(() -> find(css).click());
    }

    private WebElement button(String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[(self::button or self::a) and normalize-space()='" + text + "']")));
    }

    private void loading(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        // The old page is gone once its root element is: chromedriver says so as a stale element or, mid-navigation,
        // as an inspector error about a node that no longer belongs to the document.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored -> {
            try {
                page.getTagName();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        find("body");
    }

    /**
     * Keyboard only: presses Tab until the element {@code css} has the focus, and checks on the way that every element
     * the focus passes shows it (WCAG 2.4.7: an outline or a ring, never nothing).
     */
    WebElement tabTo(String css) {
        return tabUntil(find(css), css);
    }

    /** Keyboard only: Tab to the button or link with exactly this visible text. */
    WebElement tabToButton(String text) {
        return tabUntil(button(text), text);
    }

    private WebElement tabUntil(WebElement target, String what) {
        for (int presses = 0; presses < 120; presses++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (focused.getTagName().equals("body")) {
                // Past the last element the focus leaves the page (to the browser's own controls); the next Tab starts
                // at the top.
                continue;
            }
            String shown = String.valueOf(((JavascriptExecutor) driver)
                    .executeScript(
                            "var s = getComputedStyle(arguments[0]); var w = parseFloat(s.outlineWidth) || 0;"
                                    + "return s.outlineStyle !== 'none' && (s.outlineStyle === 'auto' || w >= 2) || s.boxShadow !== 'none';",
                            focused));
            if (!"true".equals(shown)) {
                throw new AssertionError("the focus is not visible on " + focused.getTagName() + " #"
                        + focused.getAttribute("id") + " '" + focused.getText() + "' at " + driver.getCurrentUrl());
            }
            if (focused.equals(target)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + driver.getCurrentUrl());
    }

    /** Keys typed into whatever has the focus. */
    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** A key that sends the focused form or follows the focused link, and waits for the next page. */
    void keyToNextPage(CharSequence key) {
        loading(() -> keys(key));
    }

    /** The id of the element that has the focus. */
    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Records the page as it is: a screenshot, then axe-core's WCAG 2.1 AA check, which must find nothing. */
    void record(String name) {
        step++;
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", who, step, name)), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Accessibility.check(driver, who + " " + name);
    }

    /** The file the browser saved into its download folder, once it is complete. */
    Path downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ignored -> Files.exists(file) && file.toFile().length() > 0);
        return file;
    }

    WebDriver raw() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
