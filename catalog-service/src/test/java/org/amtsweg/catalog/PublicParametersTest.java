package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The public reads answer odd parameters with 400 naming them (or an honest 404), never with a 5xx. */
@QuarkusTest
class PublicParametersTest {

    private static final String INVALID = "https://amtsweg.org/problems/invalid-parameter";

    @Test
    void searchTextIsOnlyEverText() {
        for (String q : new String[] {
            "x".repeat(3000), "%", "\\\\", "'\"", "&|!:*()", "a & | b", "!!", "<->", "a:*", "(((", "-", "\u00a0", "🐶"
        }) {
            given().queryParam("q", q).get("/services").then().statusCode(200).body("page", equalTo(0));
        }
        // Operators of PostgreSQL's query syntax do not change what a word finds.
        given().queryParam("q", "Wohngeld:* & !")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items.key", hasItem("wohngeld"));
    }

    @Test
    void filtersAndPagesAreNamedWhenUnusable() {
        refused("booster", "notabool");
        refused("booster", "1");
        refused("ags", "abc");
        refused("page", "abc");
        refused("page", "-1");
        refused("page", "99999999999");
        refused("size", "0");
        refused("size", "101");
        refused("size", "abc");
        refused("handling", "fax");
        refused("availability", "sometimes");
        given().queryParam("booster", "true")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items.booster", Matchers.everyItem(equalTo(true)));
        // Far past the end is an empty page, not an overflow.
        given().queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 100)
                .get("/services")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void oddKeysAndVersionsAreNotFoundOrNamed() {
        for (String key : new String[] {"x".repeat(2000), "a;b", "ä", "'", "DROP TABLE service"}) {
            given().get("/services/{key}", key).then().statusCode(404).contentType("application/problem+json");
            given().get("/services/{key}/form", key).then().statusCode(404).contentType("application/problem+json");
        }
        for (String version : new String[] {"abc", "1.5", "99999999999"}) {
            given().get("/services/ummeldung/form/versions/" + version)
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(INVALID))
                    .body("parameter", equalTo("version"));
            given().queryParam("version", version)
                    .get("/services/ummeldung/form")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(INVALID))
                    .body("parameter", equalTo("version"));
        }
        given().get("/services/ummeldung/form/versions/0").then().statusCode(404);
        given().queryParam("version", 1)
                .get("/services/ummeldung/form")
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        given().queryParam("version", 999)
                .get("/services/ummeldung/form")
                .then()
                .statusCode(404);
    }

    @Test
    void responsibilityNamesWhatIsMissing() {
        given().get("/responsibility")
                .then()
                .statusCode(400)
                .body("type", equalTo(INVALID))
                .body("parameter", equalTo("service"));
        given().queryParam("service", "")
                .queryParam("ags", "05914000")
                .get("/responsibility")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("service"));
        for (String ags : new String[] {"", "abc", "0591400", "059140000", "05914OOO"}) {
            given().queryParam("service", "wohngeld")
                    .queryParam("ags", ags)
                    .get("/responsibility")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(INVALID))
                    .body("parameter", equalTo("ags"));
        }
        given().queryParam("service", "s".repeat(2000))
                .queryParam("ags", "05914000")
                .get("/responsibility")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://amtsweg.org/problems/no-responsibility"));
    }

    @Test
    void oddAuthorityIdsAreNotFound() {
        for (String id : new String[] {"x".repeat(2000), "stadt-hagen;x", "ä", "'", "stadt hagen"}) {
            given().get("/authorities/{id}", id).then().statusCode(404).contentType("application/problem+json");
            given().get("/authorities/{id}/availability", id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().get("/authorities/{id}/logo", id).then().statusCode(404).contentType("application/problem+json");
        }
    }

    private static void refused(String parameter, String value) {
        given().queryParam(parameter, value)
                .queryParam("authority", "stadt-hagen")
                .get("/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("parameter", equalTo(parameter));
    }
}
