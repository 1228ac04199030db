package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A LeiKa CSV that cannot be used is refused as a whole, naming line, row and column, never with a 5xx. */
@QuarkusTest
class LeikaCsvImportTest {

    private static final String ADMIN = TestTokens.staff("admin", "amtsweg", "admin");
    private static final String HEADER = "leikaId,serviceKey,name\n";

    @Test
    void anUnknownColumnIsNamedWithTheKnownOnes() {
        refused(
                        HEADER.replace("name", "name,bogus,Name") + "99000000000011,wohngeld,Wohngeld,x,y\n",
                        "/header/3",
                        "/header/4")
                .body("unknownColumns", equalTo(List.of("bogus", "Name")))
                .body(
                        "knownColumns",
                        hasItems(
                                "leikaId",
                                "serviceKey",
                                "name",
                                "lastChange",
                                "type",
                                "legalBasis",
                                "sdg1",
                                "sdg2",
                                "status"))
                .body("violations[0].message", containsString("bogus"))
                .body("violations.message", everyItem(not(containsString("class"))))
                .body("violations.message", everyItem(not(containsString("LeikaCsv"))));
        refused("leikaId,serviceKey\n99000000000011,wohngeld\n", "/header")
                .body("violations[0].message", containsString("name"));
        refused("leikaId,serviceKey,name,name\n99000000000011,wohngeld,A,B\n", "/header/3");
        notImported("99000000000011");
    }

    @Test
    void aForbiddenCharacterInACellIsNamedByLineAndColumn() {
        for (String character : new String[] {"\u0000", "\u0001", "\u000B", "\uFFFE"}) {
            refused(
                            HEADER + "99000000000012,wohngeld,Wohngeld\n99000000000013,wohngeld,Wohn" + character
                                    + "geld\n",
                            "/1/name")
                    .body("violations[0].message", containsString("Zeile 3"))
                    .body("violations[0].message", containsString(String.format("U+%04X", (int) character.charAt(0))));
        }
        refused("leikaId,service\u0000Key,name\n1,2,3\n", "/header/1", "/header");
        notImported("99000000000012");
    }

    @Test
    void documentsWithoutEntriesOrOfRaggedShapeAreRefused() {
        refused(HEADER, "").body("violations[0].message", containsString("Kopfzeile"));
        refused("", "").body("violations[0].message", containsString("leer"));
        refused("\n\n", "");
        refused(HEADER + "99000000000014,wohngeld,Wohngeld,zu viel\n99000000000015\n", "/0", "/1")
                .body("violations[0].message", containsString("Zeile 2"))
                .body("violations[1].message", containsString("Zeile 3"));
        refused(HEADER + "99000000000016,wohngeld,\"nie geschlossen\n", "")
                .body("violations[0].message", containsString("Zeile 2"))
                .body("violations[0].message", not(containsString("Source")));
        notImported("99000000000014");
    }

    @Test
    void bytesThatAreNoTextInTheirCharsetAreRefused() {
        byte[] latin1 =
                (HEADER + "99000000000017,wohngeld,Wohngeld für Mieter\n").getBytes(StandardCharsets.ISO_8859_1);
        // Sent as UTF-8 (the default), the Latin-1 "ü" is no UTF-8: refused, not read as U+FFFD.
        send(latin1, "text/csv")
                .statusCode(422)
                .body("violations[0].pointer", equalTo(""))
                .body("violations[0].message", containsString("UTF-8"))
                .body("violations[0].message", containsString("Zeile 2"));
        send(latin1, "text/csv; charset=bogus-charset")
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/unsupported-media-type"))
                .body("charset", equalTo("bogus-charset"));
        notImported("99000000000017");
        // Declared as what it is, it reads correctly.
        send(latin1, "text/csv; charset=ISO-8859-1").statusCode(200).body("entries", equalTo(1));
        given().get("/services/wohngeld")
                .then()
                .body("leika.find { it.leikaId == '99000000000017' }.name", equalTo("Wohngeld für Mieter"));
    }

    @Test
    void rowsAreCheckedAgainstEachOtherAndTheCatalogue() {
        refused(HEADER + "99000000000018,wohngeld,A\n99000000000018,wohngeld,B\n", "/1/leikaId")
                .body("violations[0].message", containsString("Zeile 2"));
        refused(HEADER + "99000000000019,gibt-es-nicht,A\n", "/0/serviceKey")
                .body("violations[0].message", containsString("gibt-es-nicht"))
                .body("violations[0].message", not(containsString("table")));
        refused(HEADER + "99000000000020,,A\n", "/0/serviceKey");
        notImported("99000000000018");
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreNoObstacle() {
        send(
                        ("\uFEFF" + HEADER + "\n99000000000021,wohngeld,Wohngeld BOM\n\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv; charset=UTF-8")
                .statusCode(200)
                .body("entries", equalTo(1));
        given().get("/services/wohngeld").then().body("leika.leikaId", hasItem("99000000000021"));
    }

    private static ValidatableResponse refused(String csv, String... pointers) {
        return send(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                .body("violations.pointer", hasItems(pointers))
                .body("violations.size()", equalTo(pointers.length));
    }

    private static ValidatableResponse send(byte[] body, String contentType) {
        return given().auth()
                .oauth2(ADMIN)
                .config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType)
                .body(body)
                .post("/catalog/leika.csv")
                .then();
    }

    private static void notImported(String leikaId) {
        given().get("/services/wohngeld").then().body("leika.leikaId", not(hasItem(leikaId)));
    }
}
