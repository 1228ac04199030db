package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Zuständigkeit and the branding that comes with it. */
@QuarkusTest
class ResponsibilityTest {

    @Test
    void hagenIsResponsibleForWohngeldInHagenAndBringsItsBranding() {
        given().queryParam("service", "wohngeld")
                .queryParam("ags", "05914000")
                .get("/responsibility")
                .then()
                .statusCode(200)
                .body("matchedArea", equalTo("05914000"))
                .body("authority.id", equalTo("stadt-hagen"))
                .body("authority.name", equalTo("Stadt Hagen"))
                .body("authority.referencePrefix", equalTo("HA"))
                .body("authority.branding.primaryColor", equalTo("#00599c"))
                .body("authority.branding.logoUrl", equalTo("/authorities/stadt-hagen/logo"));
    }

    @Test
    void dortmundIsResponsibleInDortmund() {
        given().queryParam("service", "wohngeld")
                .queryParam("ags", "05913000")
                .get("/responsibility")
                .then()
                .statusCode(200)
                .body("authority.id", equalTo("stadt-dortmund"));
    }

    @Test
    void nobodyResponsibleIsA404Problem() {
        given().queryParam("service", "wohngeld")
                .queryParam("ags", "09162000")
                .get("/responsibility")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/no-responsibility"));
    }

    @Test
    void aMalformedAgsIsABadRequest() {
        given().queryParam("service", "wohngeld")
                .queryParam("ags", "5914")
                .get("/responsibility")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("ags"));
    }

    @Test
    void theLogoIsServedAsSvg() {
        given().get("/authorities/stadt-dortmund/logo")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(Matchers.containsString("Stadt Dortmund"));
    }

    @Test
    void hagensAvailabilitySummaryCountsTheBoosterServices() {
        given().get("/authorities/stadt-hagen/availability")
                .then()
                .statusCode(200)
                .body("summary.boosterTotal", equalTo(35))
                .body("summary.boosterOnline", equalTo(23))
                .body("summary.boosterExternal", equalTo(2))
                .body("summary.boosterPlanned", equalTo(12))
                .body("summary.ozgScope", equalTo(575))
                .body("summary.byTopic.'Gesundheit'.booster", equalTo(3));
    }
}
