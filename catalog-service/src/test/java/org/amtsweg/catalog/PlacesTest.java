package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.amtsweg.events.testing.TestTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** A citizen who knows her postal code or her town, but not its AGS, finds her municipality. */
@QuarkusTest
class PlacesTest {

    @Test
    void aPostalCodeFindsItsMunicipalityWithItsAgs() {
        given().queryParam("q", "58095")
                .get("/places")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].ags", equalTo("05914000"))
                .body("items[0].name", equalTo("Hagen"))
                .body("items[0].postalCodes", hasItem("58095"));
    }

    @Test
    void theBeginningOfANameFindsTheMunicipalityWhateverTheCase() {
        given().queryParam("q", "dort")
                .get("/places")
                .then()
                .statusCode(200)
                .body("items.ags", contains("05913000"))
                .body("items[0].name", equalTo("Dortmund"));
        given().queryParam("q", "  Hagen ")
                .get("/places")
                .then()
                .statusCode(200)
                .body("query", equalTo("Hagen"))
                .body("items.name", contains("Hagen"));
    }

    @Test
    void nothingFoundIsAnEmptyListAndQueryOperatorsAreText() {
        given().queryParam("q", "99999").get("/places").then().statusCode(200).body("items", empty());
        given().queryParam("q", "Ha%").get("/places").then().statusCode(200).body("items", empty());
        given().queryParam("q", "_agen").get("/places").then().statusCode(200).body("items", empty());
    }

    @Test
    void aQueryTooShortOrTooLongOrABadLimitIsRefusedNamingTheParameter() {
        given().queryParam("q", "H")
                .get("/places")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("q"));
        given().get("/places").then().statusCode(400).body("parameter", equalTo("q"));
        given().queryParam("q", "H".repeat(101))
                .get("/places")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("q"));
        given().queryParam("q", "Hagen")
                .queryParam("limit", "0")
                .get("/places")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("limit"));
        given().queryParam("q", "Hagen")
                .queryParam("limit", "zehn")
                .get("/places")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("limit"));
    }

    @Test
    void theAnswerIsCacheable() {
        String etag = given().queryParam("q", "Hagen")
                .get("/places")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().queryParam("q", "Hagen")
                .header("If-None-Match", etag)
                .get("/places")
                .then()
                .statusCode(304);
    }

    @Test
    void anAdministratorReplacesAMunicipalitysPostalCodesAndTheSearchFollowsAtOnce() {
        String admin = TestTokens.staff("admin", "amtsweg", "admin");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Breckerfeld", "postalCodes", List.of("58339")))
                .put("/places/05954004")
                .then()
                .statusCode(Matchers.oneOf(200, 201))
                .body("name", equalTo("Breckerfeld"));
        given().queryParam("q", "58339").get("/places").then().statusCode(200).body("items.ags", contains("05954004"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Breckerfeld", "postalCodes", List.of("58338")))
                .put("/places/05954004")
                .then()
                .statusCode(200)
                .body("postalCodes", contains("58338"));
        given().queryParam("q", "58339").get("/places").then().statusCode(200).body("items", empty());
    }

    @Test
    void aBadPlaceIsRefusedFieldByFieldAndOnlyAdministratorsWriteOne() {
        String admin = TestTokens.staff("admin", "amtsweg", "admin");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", " ", "postalCodes", List.of("5845", "58452", "58452")))
                .put("/places/0595403")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.pointer", hasItem("/ags"))
                .body("violations.pointer", hasItem("/name"))
                .body("violations.pointer", hasItem("/postalCodes/0"))
                .body("violations.pointer", hasItem("/postalCodes"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/places/05954036")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/postalCodes"));
        Map<String, Object> witten = Map.of("name", "Witten", "postalCodes", List.of("58452"));
        given().contentType(ContentType.JSON)
                .body(witten)
                .put("/places/05954036")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk"))
                .contentType(ContentType.JSON)
                .body(witten)
                .put("/places/05954036")
                .then()
                .statusCode(403);
    }
}
