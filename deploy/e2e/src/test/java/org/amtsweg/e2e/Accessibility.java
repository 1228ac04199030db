package org.amtsweg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (4.10.3, vendored in test resources) run in the page as it is shown: every violation of
 * WCAG 2.0/2.1 A and AA — the rules BITV 2.0 takes over — fails the step, naming rule and elements.
 */
final class Accessibility {

    private static final String AXE = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() {}

    static void check(WebDriver driver, String page) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // Injected through the driver (DevTools), so the page's own CSP, which allows no foreign script, stays as it
        // is.
        script.executeScript(AXE);
        Object result = script.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + "  return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; }))); })"
                + ".catch(function (e) { done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])); });");
        try {
            JsonNode violations = JSON.readTree(String.valueOf(result));
            assertThat(violations)
                    .as("axe-core on %s (%s): %s", page, driver.getCurrentUrl(), violations)
                    .isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe-4.10.3.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is missing from the test resources", e);
        }
    }
}
