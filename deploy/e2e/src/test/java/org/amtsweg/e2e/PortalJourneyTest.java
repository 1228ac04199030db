package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole journey in real Chromium through the portal, as the people do it: a citizen of Hagen finds
 * Wohngeld under Hagen's name, logs in with her eID, fills the form, sees the missing IBAN refused at
 * its field, completes it, uploads the rent certificate, submits and saves the receipt; Hagen's clerk
 * sees the case arrive live and asks for a document, she answers in her mailbox, the clerk decides, she
 * saves the notice. Dortmund's clerk never sees the case; a citizen of Dortmund sees Dortmund.
 * Every page is checked by axe-core and leaves a screenshot under target/screenshots/.
 */
@ExtendWith(RunningPlatform.class)
class PortalJourneyTest {

    private static final String PORTAL = Platform.url(Platform.PORTAL);

    @Test
    void aCitizenOfHagenAppliesAndHagensClerkDecidesInTheBrowser() throws Exception {
        try (Chromium clerk = new Chromium("sachbearbeitung-hagen");
                Chromium erika = new Chromium("buergerin-hagen")) {
            staffLogin(clerk, "clerk.hagen", "Hagen-Demo-2026");
            assertThat(clerk.find(".marke-name").getText()).isEqualTo("Stadt Hagen");
            clerk.record("posteingang");

            // Find Wohngeld, name her place, and see who is responsible: Hagen, on every page from here.
            erika.open(PORTAL + "/");
            erika.record("start");
            erika.type("#q", "Wohngeld");
            erika.press("Suchen");
            erika.type("#ort", "Hagen");
            erika.press("Übernehmen");
            erika.record("suche");
            erika.press("Wohngeld digital");
            assertThat(erika.find(".marke-name").getText()).isEqualTo("Stadt Hagen");
            assertThat(erika.text()).contains("Für Ihren Wohnort ist Stadt Hagen zuständig");
            erika.record("leistung");

            // Login at the gateway with the eID card; back at the portal, the draft begins.
            erika.press("Online beantragen");
            erika.find("#eid-card");
            erika.record("anmeldung");
            new Select(erika.find("#eid-card")).selectByValue("erika");
            erika.type("#eid-pin", "123456");
            erika.press("Mit Online-Ausweis anmelden");
            erika.find("form[action='/antraege/neu']");
            assertThat(erika.find(".marke-name").getText()).isEqualTo("Stadt Hagen");
            erika.record("antrag-beginnen");
            erika.press("Antrag beginnen");

            // Step 1: name, birth date and address come from the eID.
            assertThat(erika.find("#f-antragsteller-vorname").getAttribute("value"))
                    .isEqualTo("Erika");
            assertThat(erika.text()).contains("Schritt 1 von 7").contains("Aus Ihrem Online-Ausweis übernommen");
            new Select(erika.find("#f-antragsteller-familienstand")).selectByValue("verheiratet");
            erika.record("schritt-antragsteller");
            erika.press("Speichern und weiter");

            erika.type("#f-wohnung-einzugsdatum", "01.04.2019");
            erika.type("#f-wohnung-wohnflaeche_qm", "62,5");
            erika.type("#f-wohnung-anzahl_raeume", "3");
            erika.type("#f-wohnung-bruttokaltmiete_eur", "650");
            erika.click("#f-wohnung-heizkosten_in_miete_enthalten-true");
            erika.type("#f-wohnung-vermieter-name", "Hagener Wohnungsbau eG");
            erika.type("#f-wohnung-vermieter-anschrift-strasse_hausnummer", "Bahnhofstraße 1");
            erika.type("#f-wohnung-vermieter-anschrift-postleitzahl", "58095");
            erika.type("#f-wohnung-vermieter-anschrift-ort", "Hagen");
            erika.record("schritt-wohnung");
            erika.press("Speichern und weiter");

            erika.find("#f-haushalt-weitere_mitglieder-0-vorname");
            erika.record("schritt-haushalt");
            erika.press("Speichern und weiter");

            erika.click("#f-einkommen-arten-rente");
            erika.type("#f-einkommen-monatliches_bruttoeinkommen_eur", "1450");
            erika.record("schritt-einkommen");
            erika.press("Speichern und weiter");

            // She forgets the IBAN.
            erika.type("#f-bankverbindung-kontoinhaber", "Erika Mustermann");
            erika.record("schritt-bank");
            erika.press("Speichern und weiter");

            erika.click("#f-erklaerungen-angaben_wahrheitsgemaess");
            erika.click("#f-erklaerungen-datenschutzhinweise_gelesen");
            erika.record("schritt-erklaerungen");
            erika.press("Speichern und weiter");

            // The rent certificate, with its limits named beforehand.
            assertThat(erika.text()).contains("höchstens 10 MB");
            Path certificate = Files.createTempFile("mietbescheinigung", ".pdf");
            Files.writeString(certificate, Journeys.RENT_CERTIFICATE, StandardCharsets.US_ASCII);
            erika.find("#datei-mietbescheinigung").sendKeys(certificate.toString());
            erika.submit("form:has(#datei-mietbescheinigung) button");
            assertThat(erika.find(".angaben").isDisplayed()).isTrue();
            assertThat(erika.text())
                    .contains(certificate.getFileName().toString().substring(0, 10));
            erika.record("pruefen");
            erika.press("Antrag verbindlich absenden");

            // Refused: the summary at the top takes focus and links to the IBAN, which carries the message too.
            erika.find("#fehler-zusammenfassung");
            new WebDriverWait(erika.raw(), Duration.ofSeconds(5))
                    .until(driver -> "fehler-zusammenfassung"
                            .equals(driver.switchTo().activeElement().getAttribute("id")));
            assertThat(erika.find("#fehler-zusammenfassung a[href$='#f-bankverbindung-iban']")
                            .getText())
                    .startsWith("IBAN");
            assertThat(erika.find("#f-bankverbindung-iban-fehler").isDisplayed())
                    .isTrue();
            assertThat(erika.find("#f-bankverbindung-iban").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            erika.record("iban-fehlt");
            erika.type("#f-bankverbindung-iban", "DE02 1203 0000 0000 2020 51");
            erika.press("Speichern und weiter");
            erika.press("Speichern und weiter");
            erika.press("Antrag verbindlich absenden");

            String reference = erika.find("#aktenzeichen").getText();
            String application = erika.raw()
                    .getCurrentUrl()
                    .substring(erika.raw().getCurrentUrl().lastIndexOf('/') + 1);
            String request = "a[data-antrag='" + application + "'][data-art='INFORMATION_REQUEST']";
            String decision = "a[data-antrag='" + application + "'][data-art='DECISION']";
            assertThat(reference).startsWith("HA-");
            erika.record("eingegangen");
            erika.download("Eingangsbestätigung herunterladen (PDF)");
            assertThat(head(erika.downloaded("Eingangsbestaetigung.pdf"))).isEqualTo("%PDF-");

            // Hagen's clerk had the inbox open: the case appears without a reload.
            // ... and, a moment later, the register check's result (so the row stays as it is while she clicks it).
            new WebDriverWait(clerk.raw(), Duration.ofSeconds(45))
                    .ignoring(StaleElementReferenceException.class)
                    .until(
                            driver -> driver
                                    .findElements(
                                            By.xpath("//tbody[@id='vorgaenge']/tr[contains(., '" + reference + "')]"))
                                    .stream()
                                    .anyMatch(row -> row.getText().contains("Übereinstimmung")));
            clerk.record("vorgang-live-eingegangen");
            clerk.press(reference);
            assertThat(clerk.text())
                    .contains("Monatliche Bruttokaltmiete in Euro")
                    .contains("650");
            clerk.record("vorgang");
            clerk.press("Vorgang übernehmen");
            clerk.click("#frage-wohnung-bruttokaltmiete_eur");
            clerk.click("#unterlage-einkommensnachweis");
            clerk.type(
                    "#nachricht",
                    "Bitte reichen Sie Ihren Rentenbescheid nach und nennen Sie die Miete nach der Erhöhung.");
            clerk.record("nachforderung");
            clerk.press("Nachforderung senden");
            assertThat(clerk.find("#stand").getText()).isEqualTo("Nachforderung offen");

            // The request in her mailbox opens exactly the rent and the income document; the rest is read-only.
            erika.open(PORTAL + "/postfach");
            new WebDriverWait(erika.raw(), Duration.ofSeconds(30)).until(driver -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector(request)).isEmpty();
            });
            erika.record("postfach");
            erika.submit(request);
            erika.find("#datei-einkommensnachweis").sendKeys(certificate.toString());
            erika.submit("form:has(#datei-einkommensnachweis) button");
            assertThat(erika.raw().findElements(By.cssSelector("input[name='/bankverbindung/iban']")))
                    .isEmpty();
            erika.type("#f-wohnung-bruttokaltmiete_eur", "705");
            erika.type("#nachricht", "Anbei der Rentenbescheid; seit Oktober 705 Euro.");
            erika.record("nachforderung-beantworten");
            erika.press("Antwort senden");
            assertThat(erika.text()).contains("Sie haben diese Nachforderung beantwortet");

            // Back in review with the new rent, the clerk decides.
            new WebDriverWait(clerk.raw(), Duration.ofSeconds(30)).until(driver -> {
                driver.navigate().refresh();
                return driver.findElement(By.id("stand")).getText().equals("In Prüfung");
            });
            assertThat(clerk.text()).contains("705");
            clerk.type("#notiz", "Rentenbescheid liegt vor, Miete laut Nachweis 705 Euro.");
            clerk.press("Notiz speichern");
            assertThat(clerk.find("main").getText())
                    .contains("Rentenbescheid liegt vor, Miete laut Nachweis 705 Euro.");
            // A page older than the case (here: its revision made stale) is refused with 412, said in words.
            String current = clerk.find("form[action$='/entscheidung'] input[name=revision]")
                    .getAttribute("value");
            ((JavascriptExecutor) clerk.raw())
                    .executeScript(
                            "document.querySelector(\"form[action$='/entscheidung'] input[name=revision]\").value = arguments[0];",
                            String.valueOf(Integer.parseInt(current) - 1));
            clerk.type("#begruendung", "Vorläufig.");
            clerk.type("#bescheidtext", "Vorläufig.");
            clerk.press("Entscheiden");
            assertThat(clerk.find("#fehler-zusammenfassung").getText())
                    .contains("Der Vorgang wurde inzwischen geändert — neu laden");
            clerk.record("veraltet");
            clerk.press("Vorgang neu laden");
            assertThat(clerk.find("#stand").getText()).isEqualTo("In Prüfung");
            clerk.type("#begruendung", "Die Voraussetzungen nach § 3 WoGG liegen vor.");
            clerk.type("#bescheidtext", "Ihnen wird ab dem 1. Dezember Wohngeld bewilligt.");
            clerk.record("entscheiden");
            clerk.press("Entscheiden");
            assertThat(clerk.find("#stand").getText()).isEqualTo("Entschieden");

            erika.open(PORTAL + "/postfach");
            new WebDriverWait(erika.raw(), Duration.ofSeconds(30)).until(driver -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector(decision)).isEmpty();
            });
            erika.submit(decision);
            erika.record("bescheid");
            erika.download("Bescheid herunterladen (PDF)");
            assertThat(head(erika.downloaded("Bescheid.pdf"))).isEqualTo("%PDF-");

            // Dortmund's clerk never sees Hagen's case.
            try (Chromium dortmund = new Chromium("sachbearbeitung-dortmund")) {
                staffLogin(dortmund, "clerk.dortmund", "Dortmund-Demo-2026");
                assertThat(dortmund.find(".marke-name").getText()).isEqualTo("Stadt Dortmund");
                assertThat(dortmund.text()).doesNotContain(reference);
                dortmund.record("posteingang");
            }
            sessionIsServerSideAndFormsNeedTheirToken(erika);
            erika.press("Abmelden");
            assertThat(erika.text()).contains("Sie sind abgemeldet");
            erika.open(PORTAL + "/postfach");
            erika.find("#eid-card");
        }
    }

    @Test
    void aCitizenOfDortmundSeesDortmund() {
        try (Chromium max = new Chromium("buerger-dortmund")) {
            max.open(PORTAL + "/leistungen/wohngeld");
            max.type("#ort", "44137");
            max.press("Behörde finden");
            assertThat(max.find(".marke-name").getText()).isEqualTo("Stadt Dortmund");
            assertThat(max.text())
                    .contains("Für Ihren Wohnort ist Stadt Dortmund zuständig")
                    .doesNotContain("Hagen");
            max.record("leistung");
        }
    }

    /** The browser holds a random session id, never a token; a form sent without its CSRF token changes nothing. */
    private static void sessionIsServerSideAndFormsNeedTheirToken(Chromium browser) {
        Cookie session = browser.raw().manage().getCookieNamed("q_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getValue()).doesNotContain(".").hasSizeLessThan(100);
        given().baseUri(PORTAL)
                .redirects()
                .follow(false)
                .cookie("q_session", session.getValue())
                .formParam("leistung", "wohngeld")
                .post("/antraege/neu")
                .then()
                .statusCode(400);
        given().baseUri(PORTAL)
                .get("/")
                .then()
                .statusCode(200)
                .header(
                        "Content-Security-Policy",
                        allOf(
                                containsString("script-src 'self';"),
                                containsString("style-src 'self';"),
                                not(containsString("unsafe-inline"))));
    }

    private static void staffLogin(Chromium browser, String username, String password) {
        browser.open(PORTAL + "/sachbearbeitung");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.press("Anmelden");
        browser.find("#posteingang");
        new WebDriverWait(browser.raw(), Duration.ofSeconds(10))
                .until(driver ->
                        "ja".equals(driver.findElement(By.id("posteingang")).getAttribute("data-verbunden")));
    }

    private static String head(Path pdf) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        return new String(bytes, 0, 5, StandardCharsets.US_ASCII);
    }
}
