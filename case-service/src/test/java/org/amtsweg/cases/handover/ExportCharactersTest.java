package org.amtsweg.cases.handover;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.amtsweg.cases.CaseFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A case stored before intake refused XML-forbidden characters still exports: as XML with each such
 * character replaced by U+FFFD and counted, as JSON as stored.
 */
@QuarkusTest
class ExportCharactersTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;

    @Test
    void forbiddenCharactersBecomeReplacementCharactersInAValidXmlExport() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) CaseFixture.JSON.readTree(
                CaseFixture.submitted(applicationId, "Erika", "Muster\uFFFEmann", "1964-08-12", "Rathausstraße 11"));
        ObjectNode wohnung = (ObjectNode) event.get("data").get("wohnung");
        wohnung.put("lage", "Hinterhaus\u0001links\u000B");
        wohnung.put("hinweis\u0001", "ja");
        wohnung.put("etage", "vor LONE nach");
        // A lone surrogate as a producer writes it in JSON: the escape, which every JSON reader turns into one char.
        String json = CaseFixture.JSON.writeValueAsString(event).replace("LONE", "\\ud800");
        CaseFixture.publish(applicationId, "ApplicationSubmitted", json);
        String caseId = CaseFixture.awaitCase(applicationId);

        String xml = given().auth()
                .oauth2(CLERK)
                .accept(ContentType.XML)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .contentType(ContentType.XML)
                .extract()
                .asString();
        assertThat(xml)
                .contains("<field pointer=\"/wohnung/lage\">Hinterhaus\uFFFDlinks\uFFFD</field>")
                .contains("pointer=\"/wohnung/hinweis\uFFFD\"")
                .contains("<familyName>Muster\uFFFDmann</familyName>")
                // The store is UTF-8, which cannot encode a lone surrogate: the case already holds "?" there.
                .contains("<field pointer=\"/wohnung/etage\">vor ? nach</field>")
                .contains("replacedCharacters=\"4\"");
        String xsd = RestAssured.get("/schemas/case-export-1.xsd")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new StringReader(xsd)))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));

        // JSON can carry these characters (escaped): the procedure gets the text as stored.
        given().auth()
                .oauth2(CLERK)
                .accept(ContentType.JSON)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .body("data.wohnung.lage", equalTo("Hinterhaus\u0001links\u000B"))
                .body("applicant.familyName", equalTo("Muster\uFFFEmann"))
                .body("$", Matchers.not(Matchers.hasKey("replacedCharacters")));
    }

    @Test
    void anExportWithoutSuchCharactersSaysNothingAboutReplacing() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        String xml = given().auth()
                .oauth2(CLERK)
                .accept(ContentType.XML)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(xml).doesNotContain("replacedCharacters").doesNotContain("\uFFFD");
    }
}
