package org.amtsweg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Step-up in real Chromium: a citizen logged in with her ELSTER certificate (trust level "substantial", enough for
 * Wohngeld) begins an Ummeldung, which demands "high". application-service refuses with 403 trust-level-too-low; the
 * portal sends her to the gateway's login asking for "high", where only the eID card is offered, and then back to
 * the page she was on, where the same button now opens her draft.
 */
@ExtendWith(RunningPlatform.class)
class PortalStepUpTest {

    private static final String PORTAL = Platform.url(Platform.PORTAL);

    @Test
    void aLoginTooWeakForTheServiceIsSteppedUpAndSheReturnsToHerPage() {
        try (Chromium erika = new Chromium("hoeherstufung-hagen")) {
            erika.open(PORTAL + "/antraege/neu?leistung=wohngeld");
            new Select(erika.find("#elster-card")).selectByValue("erika");
            erika.type("#elster-pin", "123456");
            erika.press("Mit ELSTER-Zertifikat anmelden");
            erika.find("form[action='/antraege/neu']");

            erika.open(PORTAL + "/antraege/neu?leistung=ummeldung");
            assertThat(erika.find("h1").getText()).contains("Ummeldung");
            erika.press("Antrag beginnen");

            // At the gateway, asked for "high": the eID card only.
            erika.find("#eid-card");
            assertThat(erika.raw().getCurrentUrl()).contains("acr_values=high");
            assertThat(erika.find("section[aria-labelledby='elster-title'] button")
                            .isEnabled())
                    .isFalse();
            erika.record("hoeherstufung-anmeldung");
            new Select(erika.find("#eid-card")).selectByValue("erika");
            erika.type("#eid-pin", "123456");
            erika.press("Mit Online-Ausweis anmelden");

            // Back on the page she was on, with a login that reaches "high".
            erika.find("form[action='/antraege/neu']");
            assertThat(erika.raw().getCurrentUrl()).isEqualTo(PORTAL + "/antraege/neu?leistung=ummeldung");
            erika.record("hoeherstufung-zurueck");
            erika.press("Antrag beginnen");
            assertThat(erika.text()).contains("Schritt 1 von");
            assertThat(erika.raw().findElements(By.id("fehler-zusammenfassung")))
                    .isEmpty();
            assertThat(erika.raw().getCurrentUrl()).matches(".*/antraege/[0-9a-f-]{36}/schritt/1");
        }
    }
}
