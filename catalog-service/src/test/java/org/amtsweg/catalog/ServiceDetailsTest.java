package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One service as the seed document describes it. */
@QuarkusTest
class ServiceDetailsTest {

    @Test
    void wohngeldIsAnEfaServiceOperatedCentrally() {
        given().get("/services/wohngeld")
                .then()
                .statusCode(200)
                .body("name", equalTo("Wohngeld digital"))
                .body("ozgId", equalTo("10092"))
                .body("topic", equalTo("Arbeit & Ruhestand"))
                .body("efa.ready", equalTo(true))
                .body("efa.operator", equalTo("Dataport (Schleswig-Holstein)"))
                .body("efa.kickoff", equalTo("2020-04-20"))
                .body("booster.list", equalTo("EFA_READY"))
                .body("booster.position", equalTo(5))
                .body("handling.mode", equalTo("online"))
                .body("minimumTrustLevel", equalTo("substantial"))
                .body("registryChecks", hasItem("RESIDENT_REGISTER"));
    }

    @Test
    void schwerbehindertenausweisCarriesItsTenLeikaEntries() {
        given().get("/services/schwerbehindertenausweis")
                .then()
                .statusCode(200)
                .body("ozgId", equalTo("10214"))
                .body("situation", equalTo("Behinderung"))
                .body("responsibilityLevels", equalTo(List.of("Land", "Sozialamt", "Kommunal")))
                .body("priority.level", equalTo(4))
                .body("handling.mode", equalTo("external"))
                .body("handling.url", equalTo("http://www.elsa.nrw.de"))
                .body("leika", hasSize(10))
                .body("leika[0].leikaId", equalTo("99015004000000"))
                .body("leika[0].lastChange", equalTo("22.04.2021 QL"))
                .body("leika[0].type", equalTo("2/3"))
                .body("leika[0].legalBasis", equalTo("SGB IX"))
                .body("leika[0].sdg1", equalTo("offline"))
                .body("leika[0].sdg2", equalTo("(noch nicht in Betrieb)"));
    }

    @Test
    void noOfficialIdIsInventedWhereTheDocumentGivesNone() {
        given().get("/services/ummeldung")
                .then()
                .statusCode(200)
                .body("ozgId", nullValue())
                .body("leika", hasSize(0));
    }

    @Test
    void anUnknownServiceIsANotFoundProblem() {
        given().get("/services/gibt-es-nicht")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/not-found"))
                .body("status", equalTo(404));
    }
}
