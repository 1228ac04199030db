package org.amtsweg.cases.handover;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The specialist procedure takes decided cases over: feed, export (JSON, XML per XSD), acknowledgement. */
@QuarkusTest
class HandoverTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;

    @Test
    void aDecidedCaseIsExportedValidAgainstTheXsdAndHandedOverOnce() throws Exception {
        String caseId = decidedCase();
        given().auth().oauth2(CLERK).get("/handover").then().statusCode(200).body("caseId", hasItem(caseId));

        given().auth()
                .oauth2(CLERK)
                .accept(ContentType.JSON)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo("HA-2026-000123"))
                .body("data.bankverbindung.iban", equalTo("DE02120300000000202051"))
                .body("fields.pointer", hasItem("/bankverbindung/iban"))
                .body("registryChecks[0].register", equalTo("RESIDENT_REGISTER"))
                .body("decision.outcome", equalTo("APPROVED"));

        String xml = given().auth()
                .oauth2(CLERK)
                .accept(ContentType.XML)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .contentType(ContentType.XML)
                .extract()
                .asString();
        assertThat(xml).contains("<field pointer=\"/bankverbindung/iban\">DE02120300000000202051</field>");
        String xsd = RestAssured.get("/schemas/case-export-1.xsd")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new StringReader(xsd)))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        given().auth()
                .oauth2(CLERK)
                .post("/cases/" + caseId + "/handover")
                .then()
                .statusCode(204);
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("status", equalTo("HANDED_OVER"));
        given().auth().oauth2(CLERK).get("/handover").then().body("caseId", not(hasItem(caseId)));
        given().auth()
                .oauth2(CLERK)
                .post("/cases/" + caseId + "/handover")
                .then()
                .statusCode(409);
    }

    @Test
    void anUndecidedCaseCannotBeHandedOverAndOthersCannotExport() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .post("/cases/" + caseId + "/handover")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(CaseFixture.DORTMUND_CLERK)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(404);
    }

    @Test
    void theProcedureTakesOverWithItsOwnTokenAndDoesNothingElse() {
        String procedure = TestTokens.procedure("stadt-hagen");
        String caseId = decidedCase();
        given().auth().oauth2(procedure).get("/handover").then().statusCode(200).body("caseId", hasItem(caseId));
        given().auth()
                .oauth2(procedure)
                .accept(ContentType.JSON)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .body(
                        "attachments[0].href",
                        equalTo("/cases/" + caseId + "/attachments/0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00"));

        // A procedure is no clerk: it reads neither the inbox nor a case, and decides nothing.
        given().auth().oauth2(procedure).get("/cases").then().statusCode(403);
        given().auth().oauth2(procedure).get("/cases/" + caseId).then().statusCode(403);
        given().auth()
                .oauth2(procedure)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "übernommen"))
                .post("/cases/" + caseId + "/notes")
                .then()
                .statusCode(403);
        // Dortmund's procedure does not learn that Hagen's case exists.
        given().auth()
                .oauth2(TestTokens.procedure("stadt-dortmund"))
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.procedure("stadt-dortmund"))
                .get("/handover")
                .then()
                .body("caseId", not(hasItem(caseId)));

        given().auth()
                .oauth2(procedure)
                .post("/cases/" + caseId + "/handover")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .body("find { it.toStatus == 'HANDED_OVER' }.actor", equalTo("procedure-stadt-hagen"));
    }

    @Test
    void aCaseDocumentIsOnlyForItsAuthorityAndAnAbsentStoreIsSaidPlainly() {
        String caseId = decidedCase();
        String attachment = "/cases/" + caseId + "/attachments/0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00";
        given().auth().oauth2(CaseFixture.DORTMUND_CLERK).get(attachment).then().statusCode(404);
        given().auth()
                .oauth2(TestTokens.procedure("stadt-dortmund"))
                .get(attachment)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/attachments/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.erika("high")).get(attachment).then().statusCode(403);
        given().auth()
                .oauth2(CLERK)
                .accept(ContentType.JSON)
                .get("/cases/" + caseId + "/export")
                .then()
                .body("decision.notice", equalTo("/cases/" + caseId + "/notice"));
        given().auth()
                .oauth2(TestTokens.procedure("stadt-dortmund"))
                .get("/cases/" + caseId + "/notice")
                .then()
                .statusCode(404);
        String undecided = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + undecided + "/notice")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/notice")
                .then()
                .statusCode(503)
                .header("Retry-After", "60");
        // Nothing serves documents in this module's tests: the case is right, the store is away.
        given().auth()
                .oauth2(TestTokens.procedure("stadt-hagen"))
                .get(attachment)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "60")
                .body("type", equalTo("https://amtsweg.org/problems/documents-unavailable"));
    }

    private static String decidedCase() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "APPROVED",
                        "reasoning",
                        "Die Voraussetzungen liegen vor.",
                        "noticeText",
                        "Wohngeld wird bewilligt."))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(201);
        return caseId;
    }
}
