package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Bulk export and import of the catalogue, LeiKa entries as CSV, and the audit trail. */
@QuarkusTest
class TransferTest {

    private static final String ADMIN = TestTokens.staff("admin", "amtsweg", "admin");

    @Test
    void anExportImportsAgainWithoutChangingAnything() {
        String export = given().auth()
                .oauth2(ADMIN)
                .get("/catalog/export")
                .then()
                .statusCode(200)
                .body("services.key", hasItem("wohngeld"))
                .extract()
                .asString();
        int services = JsonPath.from(export).getList("services").size();
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(export)
                .post("/catalog/import")
                .then()
                .statusCode(200)
                .body("services", equalTo(services))
                .body("created", equalTo(0));
        given().get("/services/schwerbehindertenausweis").then().body("leika.size()", equalTo(10));
    }

    @Test
    void anImportWithOneBadServiceChangesNothing() {
        String body = """
                {"services": [
                  {"key": "neu-eins", "name": "Neu eins", "handling": "online", "minimumTrustLevel": "low"},
                  {"key": "Neu Zwei", "name": "", "handling": "fax", "minimumTrustLevel": "low"}
                ]}""";
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/catalog/import")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/services/1/key"))
                .body("violations.pointer", hasItem("/services/1/handling"));
        given().get("/services/neu-eins").then().statusCode(404);
    }

    @Test
    void leikaEntriesGoOutAndComeInAsCsv() {
        String csv = given().auth()
                .oauth2(ADMIN)
                .get("/catalog/leika.csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("leikaId,serviceKey,name,lastChange,type,legalBasis,sdg1,sdg2,status");
        assertThat(csv)
                .contains(
                        "99015007012000,schwerbehindertenausweis,\"Schwerbehindertenausweis Ausstellung\",\"02.03.2022 QL\"");

        given().auth()
                .oauth2(ADMIN)
                .contentType("text/csv")
                .body("leikaId,serviceKey,name\n123,wohngeld,Wohngeld\n")
                .post("/catalog/leika.csv")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/0/leikaId"));
        given().auth()
                .oauth2(ADMIN)
                .contentType("text/csv")
                .body("leikaId,serviceKey,name,type\n99000000000099,wohngeld,Wohngeld Erstantrag,2/3\n")
                .post("/catalog/leika.csv")
                .then()
                .statusCode(200)
                .body("entries", equalTo(1));
        given().get("/services/wohngeld").then().body("leika.leikaId", hasItem("99000000000099"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("entity", "SERVICE")
                .queryParam("id", "wohngeld")
                .get("/catalog/audit")
                .then()
                .statusCode(200)
                .body("[0].actor", equalTo("admin"))
                .body("[0].change", equalTo("UPDATED"));
    }

    @Test
    void theTransferIsForAdministratorsOnly() {
        given().get("/catalog/export").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk"))
                .get("/catalog/leika.csv")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/catalog/import")
                .then()
                .statusCode(422);
    }
}
