package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Holes, nulls and wrong references in administrators' bodies are 4xx problems with pointers, never a 5xx. */
@QuarkusTest
class AdministrationRefusalsTest {

    private static final String ADMIN = TestTokens.staff("admin", "amtsweg", "admin");
    private static final String SERVICE = """
            {"key": "%s", "name": "Neu", "handling": "online", "minimumTrustLevel": "low"%s}""";

    @Test
    void anImportWithNullsIsRefusedByPointer() {
        imported("{\"services\": [null]}").statusCode(422).body("violations.pointer", equalTo(List.of("/services/0")));
        imported("{\"services\": null}").statusCode(422).body("violations.pointer", hasItem("/services"));
        imported("{}").statusCode(422).body("violations.pointer", hasItem("/services"));
        imported("{\"services\": [" + SERVICE.formatted("neu-null-a", "") + ", null, "
                        + SERVICE.formatted("neu-null-b", ", \"leika\": [null]") + "]}")
                .statusCode(422)
                .body("violations.pointer", hasItems("/services/1", "/services/2/leika/0"));
        imported("{\"services\": ["
                        + SERVICE.formatted(
                                "neu-null-c",
                                ", \"leika\": [{}], \"synonyms\": [null], \"registryChecks\": [null], \"responsibilityLevels\": [null]")
                        + "]}")
                .statusCode(422)
                .body(
                        "violations.pointer",
                        hasItems(
                                "/services/0/leika/0/leikaId",
                                "/services/0/leika/0/name",
                                "/services/0/synonyms/0",
                                "/services/0/registryChecks/0",
                                "/services/0/responsibilityLevels/0"))
                .body("violations.pointer", everyItem(not(containsString("<"))));
        imported("{\"services\": [{\"key\": null}, {\"key\": null}]}")
                .statusCode(422)
                .body("violations.pointer", hasItems("/services/0/key", "/services/1/key"))
                .body("violations.pointer", not(hasItem("/services")));
        given().get("/services/neu-null-a").then().statusCode(404);
    }

    @Test
    void aServiceOrAuthorityWithNullEntriesIsRefused() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(SERVICE.formatted("neu-null-d", ", \"leika\": [null, {}]"))
                .put("/services/neu-null-d")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItems("/leika/0", "/leika/1/leikaId"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(
                        "{\"id\": \"neu-null-e\", \"name\": \"Neu\", \"kind\": \"Stadt\", \"agsCodes\": [null], \"referencePrefix\": \"NN\"}")
                .put("/authorities/neu-null-e")
                .then()
                .statusCode(422)
                .body("violations.pointer", equalTo(List.of("/agsCodes/0")));
        given().get("/authorities/neu-null-e").then().statusCode(404);
    }

    @Test
    void aConflictIsSaidInTheCataloguesTerms() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(SERVICE.formatted(
                        "neu-konflikt", ", \"leika\": [{\"leikaId\": \"99015007000000\", \"name\": \"belegt\"}]"))
                .put("/services/neu-konflikt")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://amtsweg.org/problems/conflict"))
                .body("detail", containsString("LeiKa-ID"))
                .body("detail", not(containsString("leika_id")))
                .body("detail", not(containsString("Key (")));
    }

    @Test
    void responsibilityAndAvailabilityNameTheMissingReferenceAndTheirLimits() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"authorityId\": \"stadt-nirgendwo\"}")
                .put("/responsibility/wohngeld/05914000")
                .then()
                .statusCode(404)
                .body("detail", containsString("stadt-nirgendwo"))
                .body("detail", not(containsString("table")));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"authorityId\": \"" + "a".repeat(5000) + "\"}")
                .put("/responsibility/wohngeld/05914000")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/authorityId"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"authorityId\": \"stadt-hagen\"}")
                .put("/responsibility/gibt-es-nicht/05914000")
                .then()
                .statusCode(404)
                .body("detail", containsString("gibt-es-nicht"))
                .body("detail", not(containsString("table")));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"authorityId\": 5}")
                .put("/responsibility/wohngeld/05914000")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/authorityId"));

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"state\": \"online\"}")
                .put("/authorities/stadt-nirgendwo/availability/wohngeld")
                .then()
                .statusCode(404)
                .body("detail", containsString("stadt-nirgendwo"))
                .body("detail", not(containsString("table")));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"state\": \"online\"}")
                .put("/authorities/stadt-hagen/availability/gibt-es-nicht")
                .then()
                .statusCode(404)
                .body("detail", containsString("gibt-es-nicht"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"state\": \"online\", \"localTitle\": \"" + "t".repeat(201) + "\", \"note\": \""
                        + "n".repeat(1001) + "\"}")
                .put("/authorities/stadt-hagen/availability/wohngeld")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItems("/localTitle", "/note"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"state\": \"online\", \"since\": \"2023-02-30\"}")
                .put("/authorities/stadt-hagen/availability/wohngeld")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/since"));
    }

    @Test
    void theAuditNamesABadLimit() {
        for (String limit : new String[] {"abc", "0", "1001"}) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("limit", limit)
                    .get("/catalog/audit")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("https://amtsweg.org/problems/invalid-parameter"))
                    .body("parameter", equalTo("limit"));
        }
    }

    private static ValidatableResponse imported(String body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/catalog/import")
                .then()
                .contentType("application/problem+json");
    }
}
