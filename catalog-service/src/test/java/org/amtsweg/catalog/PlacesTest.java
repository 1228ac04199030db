package org.amtsweg.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** A citizen who knows her postal code or her town, but not its AGS, finds her municipality. */
@QuarkusTest
class PlacesTest {

    @Test
    void aPostalCodeFindsItsMunicipalityWithItsAgs() {
        given().queryParam("q", "58095")
                .get("/places")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].ags", equalTo("05914000"))
                .body("items[0].name", equalTo("Hagen"))
                .body("items[0].postalCodes", hasItem("58095"));
    }

    @Test
    void theBeginningOfANameFindsTheMunicipalityWhateverTheCase() {
        given().queryParam("q", "dort").get("/places")
                .then().statusCode(200)
                .body("items.ags", contains("05913000"))
                .body("items[0].name", equalTo("Dortmund"));
        given().queryParam("q", "  Hagen ").get("/places")
                .then().statusCode(200)
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
        given().queryParam("q", "H").get("/places")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("q"));
        given().get("/places").then().statusCode(400).body("parameter", equalTo("q"));
        given().queryParam("q", "H".repeat(101)).get("/places").then().statusCode(400).body("parameter", equalTo("q"));
        given().queryParam("q", "Hagen").queryParam("limit", "0").get("/places").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("q", "Hagen").queryParam("limit", "zehn").get("/places").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void theAnswerIsCacheable() {
        String etag = given().queryParam("q", "Hagen").get("/places").then().statusCode(200).extract().header("ETag");
        given().queryParam("q", "Hagen").header("If-None-Match", etag).get("/places").then().statusCode(304);
    }
}
