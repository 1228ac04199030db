package org.amtsweg.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.amtsweg.portal.api.ApiRefusal;
import org.junit.jupiter.api.Test;

/** Where a step-up returns to, and which refusals start one. */
class StepUpTest {

    @Test
    void theWayBackIsAlwaysAPathOfThePortal() {
        assertThat(StepUp.localPage("/antraege/neu?leistung=ummeldung")).isEqualTo("/antraege/neu?leistung=ummeldung");
        assertThat(StepUp.localPage("/postfach/3f0c2a7e-8d1b-4c55-9a7e-2b6f4d1e9c00"))
                .isEqualTo("/postfach/3f0c2a7e-8d1b-4c55-9a7e-2b6f4d1e9c00");
        for (String elsewhere : List.of(
                "https://evil.example/",
                "//evil.example/x",
                "/\\evil.example",
                "javascript:alert(1)",
                "antraege",
                "",
                "/x y",
                "/" + "a".repeat(2001))) {
            assertThat(StepUp.localPage(elsewhere)).as(elsewhere).isEqualTo("/");
        }
        assertThat(StepUp.localPage(null)).isEqualTo("/");
    }

    @Test
    void theLoginAddressNamesTheLevelAndCarriesThePageEncoded() {
        assertThat(StepUp.loginFor(TrustLevel.HIGH, "/antraege/neu?leistung=ummeldung")
                        .toString())
                .isEqualTo("/anmelden?niveau=high&zurueck=%2Fantraege%2Fneu%3Fleistung%3Dummeldung");
        assertThat(StepUp.loginFor(TrustLevel.SUBSTANTIAL, "https://evil.example/")
                        .toString())
                .isEqualTo("/anmelden?niveau=substantial&zurueck=%2F");
    }

    @Test
    void levelsAreOrderedAndOnlyTheGatewaysNamesAreLevels() {
        assertThat(TrustLevel.HIGH.reaches(TrustLevel.SUBSTANTIAL)).isTrue();
        assertThat(TrustLevel.SUBSTANTIAL.reaches(TrustLevel.HIGH)).isFalse();
        assertThat(TrustLevel.LOW.reaches(TrustLevel.LOW)).isTrue();
        assertThat(TrustLevel.of("high")).contains(TrustLevel.HIGH);
        assertThat(TrustLevel.of("HIGH")).isEmpty();
        assertThat(TrustLevel.of("STORK-QAA-Level-4")).isEmpty();
    }

    @Test
    void onlyTheTrustLevelRefusalStepsUpAndItNamesTheRequiredLevel() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ApiRefusal tooLow = new ApiRefusal(
                403,
                "https://amtsweg.org/problems/trust-level-too-low",
                "",
                List.of(),
                json.readTree("{\"requiredTrustLevel\":\"high\",\"actualTrustLevel\":\"substantial\"}"));
        assertThat(tooLow.stepUp()).contains(TrustLevel.HIGH);
        ApiRefusal unknownLevel = new ApiRefusal(
                403,
                "https://amtsweg.org/problems/trust-level-too-low",
                "",
                List.of(),
                json.readTree("{\"requiredTrustLevel\":\"very-high\"}"));
        assertThat(unknownLevel.stepUp()).contains(TrustLevel.HIGH);
        ApiRefusal forbidden =
                new ApiRefusal(403, "https://amtsweg.org/problems/forbidden", "", List.of(), json.readTree("{}"));
        assertThat(forbidden.stepUp()).isEmpty();
        ApiRefusal invalid = new ApiRefusal(
                422, "https://amtsweg.org/problems/trust-level-too-low", "", List.of(), json.readTree("{}"));
        assertThat(invalid.stepUp()).isEmpty();
    }
}
