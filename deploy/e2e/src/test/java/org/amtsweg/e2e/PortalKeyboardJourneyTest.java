package org.amtsweg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * A citizen of Hagen applies for Wohngeld with the keyboard alone, in real Chromium: Tab, Enter, Space and typing,
 * never a click — from the start page through the gateway's login to the reference number. Every element the focus
 * passes shows it; the error summary takes the focus, and its link puts the focus into the refused field.
 */
@ExtendWith(RunningPlatform.class)
class PortalKeyboardJourneyTest {

    private static final String PORTAL = Platform.url(Platform.PORTAL);

    @Test
    void aCitizenSubmitsWohngeldWithTheKeyboardAlone() throws Exception {
        try (Chromium erika = new Chromium("tastatur-hagen")) {
            erika.open(PORTAL + "/");
            // The first Tab reaches the skip link; it leads past the header to the content.
            erika.tabTo("a.skip");
            erika.keys(Keys.ENTER);
            erika.tabTo("#q");
            erika.keys("Wohngeld");
            erika.keyToNextPage(Keys.ENTER);
            // Her place by postal code, not by the AGS nobody knows.
            erika.tabTo("#ort");
            erika.keys("58095");
            erika.keyToNextPage(Keys.ENTER);
            erika.tabTo("a[href='/leistungen/wohngeld']");
            erika.keyToNextPage(Keys.ENTER);
            assertThat(erika.find(".marke-name").getText()).isEqualTo("Stadt Hagen");
            erika.tabToButton("Online beantragen");
            erika.keyToNextPage(Keys.ENTER);

            // The gateway's login page, by keyboard too.
            erika.tabTo("#eid-card");
            erika.keys("Erika");
            erika.tabTo("#eid-pin");
            erika.keys("123456");
            erika.keyToNextPage(Keys.ENTER);
            erika.tabToButton("Antrag beginnen");
            erika.keyToNextPage(Keys.ENTER);

            assertThat(erika.text()).contains("Schritt 1 von 7");
            erika.tabTo("#f-antragsteller-familienstand");
            erika.keys("verheiratet");
            assertThat(erika.find("#f-antragsteller-familienstand").getAttribute("value"))
                    .isEqualTo("verheiratet");
            erika.record("tastatur-schritt-1");
            next(erika);

            type(erika, "#f-wohnung-einzugsdatum", "01.04.2019");
            type(erika, "#f-wohnung-wohnflaeche_qm", "62,5");
            type(erika, "#f-wohnung-anzahl_raeume", "3");
            type(erika, "#f-wohnung-bruttokaltmiete_eur", "650");
            erika.tabTo("#f-wohnung-heizkosten_in_miete_enthalten-true");
            erika.keys(Keys.SPACE);
            assertThat(erika.find("#f-wohnung-heizkosten_in_miete_enthalten-true")
                            .isSelected())
                    .isTrue();
            type(erika, "#f-wohnung-vermieter-name", "Hagener Wohnungsbau eG");
            type(erika, "#f-wohnung-vermieter-anschrift-strasse_hausnummer", "Bahnhofstraße 1");
            type(erika, "#f-wohnung-vermieter-anschrift-postleitzahl", "58095");
            type(erika, "#f-wohnung-vermieter-anschrift-ort", "Hagen");
            next(erika);

            next(erika);

            erika.tabTo("#f-einkommen-arten-rente");
            erika.keys(Keys.SPACE);
            type(erika, "#f-einkommen-monatliches_bruttoeinkommen_eur", "1450");
            next(erika);

            // She forgets the IBAN.
            type(erika, "#f-bankverbindung-kontoinhaber", "Erika Mustermann");
            next(erika);

            erika.tabTo("#f-erklaerungen-angaben_wahrheitsgemaess");
            erika.keys(Keys.SPACE);
            erika.tabTo("#f-erklaerungen-datenschutzhinweise_gelesen");
            erika.keys(Keys.SPACE);
            next(erika);

            // The rent certificate: the file input takes the file's path as typed keys (the keyboard's way past the
            // dialog).
            Path certificate = Files.createTempFile("mietbescheinigung", ".pdf");
            Files.writeString(certificate, Journeys.RENT_CERTIFICATE, StandardCharsets.US_ASCII);
            erika.tabTo("#datei-mietbescheinigung").sendKeys(certificate.toString());
            erika.tabTo("form:has(#datei-mietbescheinigung) button");
            erika.keyToNextPage(Keys.ENTER);
            erika.tabToButton("Antrag verbindlich absenden");
            erika.keyToNextPage(Keys.ENTER);

            // Refused: the summary has the focus, and its link puts the focus into the IBAN field.
            erika.find("#fehler-zusammenfassung");
            assertThat(erika.focusedId()).isEqualTo("fehler-zusammenfassung");
            erika.record("tastatur-iban-fehlt");
            erika.tabTo("#fehler-zusammenfassung a[href$='#f-bankverbindung-iban']");
            erika.keys(Keys.ENTER);
            assertThat(erika.focusedId()).isEqualTo("f-bankverbindung-iban");
            erika.keys("DE02 1203 0000 0000 2020 51");
            next(erika);
            next(erika);
            erika.tabToButton("Antrag verbindlich absenden");
            erika.keyToNextPage(Keys.ENTER);

            assertThat(erika.find("#aktenzeichen").getText()).startsWith("HA-");
            erika.record("tastatur-eingegangen");
        }
    }

    private static void type(Chromium browser, String field, String text) {
        browser.tabTo(field);
        browser.keys(text);
    }

    private static void next(Chromium browser) {
        browser.tabToButton("Speichern und weiter");
        browser.keyToNextPage(Keys.ENTER);
    }
}
