package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a citizen's portal sees when it searches the catalogue. */
@QuarkusTest
class ServiceSearchTest {

    @Test
    void germanStemmingFindsTheServiceFromAnInflectedWord() {
        given().queryParam("q", "Ummeldungen")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items[0].key", equalTo("ummeldung"));
    }

    @Test
    void aTypoStillFindsWohngeld() {
        given().queryParam("q", "Wohngelt")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items[0].key", equalTo("wohngeld"));
    }

    @Test
    void theExactNameRanksFirst() {
        given().queryParam("q", "Personalausweis")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items[0].key", equalTo("personalausweis"))
                .body("items[0].handling", equalTo("in-person"));
    }

    @Test
    void leikaNamesAreSearchable() {
        given().queryParam("q", "Wertmarke")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items[0].key", equalTo("schwerbehindertenausweis"));
    }

    @Test
    void scopedToAMunicipalityTheHitsCarryItsAvailability() {
        given().queryParam("q", "Wohngeld")
                .queryParam("ags", "05914000")
                .get("/services")
                .then()
                .statusCode(200)
                .body("authority", equalTo("stadt-hagen"))
                .body("items[0].key", equalTo("wohngeld"))
                .body("items[0].availability", equalTo("online"))
                .body("items[0].localTitle", equalTo("Wohngeld digital (Wohngeld)"));
    }

    @Test
    void filtersNarrowTheList() {
        given().queryParam("booster", true)
                .queryParam("size", 100)
                .get("/services")
                .then()
                .statusCode(200)
                .body("total", equalTo(35))
                .body("items.booster", everyItem(equalTo(true)));
        given().queryParam("topic", "Gesundheit")
                .queryParam("size", 100)
                .get("/services")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.key", hasItem("schwerbehindertenausweis"));
        given().queryParam("authority", "stadt-dortmund")
                .queryParam("availability", "online")
                .get("/services")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.key", not(hasItem("personalausweis")));
    }

    @Test
    void pagesAreBounded() {
        given().queryParam("size", 10)
                .queryParam("page", 1)
                .get("/services")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(10))
                .body("page", equalTo(1));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("ags", "Hagen")
                .get("/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("ags"));
        given().queryParam("size", 1000)
                .get("/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
