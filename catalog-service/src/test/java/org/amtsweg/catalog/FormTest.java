package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The forms portals render and application-service validates against. */
@QuarkusTest
class FormTest {

    @Test
    void theWohngeldFormIsAVersionedJsonSchemaWithGermanHints() {
        given().get("/services/wohngeld/form")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("schema.'\\$schema'", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("schema.required", hasItem("bankverbindung"))
                .body("schema.'properties'.bankverbindung.'properties'.iban.format", equalTo("iban"))
                .body("presentation.labels.'/bankverbindung/iban'", equalTo("IBAN"))
                .body("presentation.prefill.'/antragsteller/vorname'", equalTo("given_name"))
                .body("presentation.attachments[0].kind", equalTo("mietbescheinigung"));
    }

    @Test
    void aPublishedVersionStaysReadableByNumber() {
        given().get("/services/ummeldung/form/versions/1")
                .then()
                .statusCode(200)
                .body("service", equalTo("ummeldung"))
                .body("schema.'properties'.neue_wohnung.required", hasItem("einzugsdatum"));
    }

    @Test
    void aServiceWithoutFormIsANotFoundProblem() {
        given().get("/services/vergabe/form").then().statusCode(404).contentType("application/problem+json");
    }
}
