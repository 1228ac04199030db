package org.amtsweg.cases.handover;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.amtsweg.cases.CaseFixture;
import org.junit.jupiter.api.Test;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The specialist procedure takes decided cases over: feed, export (JSON, XML per XSD), acknowledgement. */
@QuarkusTest
class HandoverTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;

    @Test
    void aDecidedCaseIsExportedValidAgainstTheXsdAndHandedOverOnce() throws Exception {
        String caseId = decidedCase();
        given().auth().oauth2(CLERK).get("/handover").then().statusCode(200).body("caseId", hasItem(caseId));

        given().auth().oauth2(CLERK).accept(ContentType.JSON).get("/cases/" + caseId + "/export")
                .then().statusCode(200)
                .body("referenceNumber", equalTo("HA-2026-000123"))
                .body("data.bankverbindung.iban", equalTo("DE02120300000000202051"))
                .body("fields.pointer", hasItem("/bankverbindung/iban"))
                .body("registryChecks[0].register", equalTo("RESIDENT_REGISTER"))
                .body("decision.outcome", equalTo("APPROVED"));

        String xml = given().auth().oauth2(CLERK).accept(ContentType.XML).get("/cases/" + caseId + "/export")
                .then().statusCode(200).contentType(ContentType.XML).extract().asString();
        assertThat(xml).contains("<field pointer=\"/bankverbindung/iban\">DE02120300000000202051</field>");
        String xsd = RestAssured.get("/schemas/case-export-1.xsd").then().statusCode(200).extract().asString();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new StringReader(xsd)))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        given().auth().oauth2(CLERK).post("/cases/" + caseId + "/handover").then().statusCode(204);
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("status", equalTo("HANDED_OVER"));
        given().auth().oauth2(CLERK).get("/handover").then().body("caseId", not(hasItem(caseId)));
        given().auth().oauth2(CLERK).post("/cases/" + caseId + "/handover").then().statusCode(409);
    }

    @Test
    void anUndecidedCaseCannotBeHandedOverAndOthersCannotExport() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth().oauth2(CLERK).post("/cases/" + caseId + "/handover").then().statusCode(409);
        given().auth().oauth2(CaseFixture.DORTMUND_CLERK).get("/cases/" + caseId + "/export").then().statusCode(404);
    }

    private static String decidedCase() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth().oauth2(CLERK).contentType(ContentType.JSON).body(Map.of()).post("/cases/" + caseId + "/assign").then().statusCode(204);
        given().auth().oauth2(CLERK).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "reasoning", "Die Voraussetzungen liegen vor.", "noticeText", "Wohngeld wird bewilligt."))
                .post("/cases/" + caseId + "/decision").then().statusCode(201);
        return caseId;
    }
}
