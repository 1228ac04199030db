package org.amtsweg.application.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A caller's own mistakes never count against the catalogue: malformed service keys are refused at the
 * edge, and answers of the catalogue (404, other 4xx) leave its circuit breaker closed, so that valid
 * citizens keep opening drafts.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class CatalogGuardTest {

    private static final String ERIKA = TestTokens.erika("high");

    @Inject
    Catalog catalog;

    @Test
    void aHundredMalformedRequestsLeaveDraftCreationWorking() {
        List<String> hostile = List.of(
                "\ud800",
                "a".repeat(65),
                "a".repeat(20_000),
                "../x",
                "%2F",
                "wohngeld/form",
                "Wohngeld",
                "wohngeld--digital",
                "-wohngeld",
                "wohn geld");
        for (int i = 0; i < 100; i++) {
            String key = hostile.get(i % hostile.size());
            given().auth()
                    .oauth2(ERIKA)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", key))
                    .post("/applications")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                    .body("violations[0].pointer", equalTo("/service"))
                    .body(not(containsString("org.amtsweg")))
                    .body(not(containsString("CatalogApi")));
        }
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201);
    }

    @Test
    void aMalformedMunicipalityKeyIsRefusedAtItsPointer() {
        for (String ags : List.of("Hagen", "0591400", "059140000", "../05914000", "0591400\u0661")) {
            given().auth()
                    .oauth2(ERIKA)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "wohngeld", "ags", ags))
                    .post("/applications")
                    .then()
                    .statusCode(422)
                    .body("violations.pointer", equalTo(List.of("/ags")));
        }
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/applications")
                .then()
                .statusCode(422)
                .body("violations[0].pointer", equalTo("/service"))
                .body("violations[0].keyword", equalTo("required"));
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .post("/applications")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].keyword", equalTo("required"));
    }

    @Test
    void unknownServicesAreAnswersNotFailures() {
        // More than the breaker's window (10 calls) with a failure ratio of 1 if 404s counted.
        for (int i = 0; i < 25; i++) {
            given().auth()
                    .oauth2(ERIKA)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "gibt-es-nicht-" + i))
                    .post("/applications")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                    .body("violations[0].pointer", equalTo("/service"))
                    .body("detail", equalTo("Es gibt keine Leistung gibt-es-nicht-" + i + "."));
        }
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201);
    }

    @Test
    void aCatalogueRefusingTheQuestionIsA502WithoutInternalsAndLeavesTheBreakerClosed() {
        for (int i = 0; i < 25; i++) {
            given().auth()
                    .oauth2(ERIKA)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "abgelehnt"))
                    .post("/applications")
                    .then()
                    .statusCode(502)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://amtsweg.org/problems/catalog-error"))
                    .body(not(containsString("org.amtsweg")))
                    .body(not(containsString("Rest Client")));
        }
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201);
    }

    @Test
    void keysThatCannotNameAServiceAreNeverSentToTheCatalogue() {
        // Past the edge as well (another caller inside the service): the catalogue is not asked, nothing counts.
        for (int i = 0; i < 30; i++) {
            assertThat(catalog.service("\ud800").await().indefinitely()).isEmpty();
            assertThat(catalog.currentForm("../services").await().indefinitely())
                    .isEmpty();
            assertThat(catalog.responsibility("wohngeld", "\ud800").await().indefinitely())
                    .isEmpty();
        }
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201);
    }
}
