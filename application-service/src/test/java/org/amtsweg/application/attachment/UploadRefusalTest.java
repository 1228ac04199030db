package org.amtsweg.application.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.events.testing.TestTokens;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/** Uploads that are refused, each with a problem that says what is wrong and where; nothing of them is stored. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class UploadRefusalTest {

    private static final String ERIKA = TestTokens.erika("high");

    @Test
    void aPdfWithJavaScriptIsRefusedNamingWhatWasFoundAndAPlainOneIsStored() {
        String id = draft();
        byte[] onOpening = Documents.builtPdf((document, page) -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.launchURL('https://example.invalid')")));
        upload(id, "mietbescheinigung", onOpening)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/active-content"))
                .body("found", equalTo(List.of("JavaScript", "OpenAction")))
                .body("detail", containsString("JavaScript"));
        byte[] link = Documents.builtPdf((document, page) -> {
            PDAnnotationLink annotation = new PDAnnotationLink();
            annotation.setRectangle(new PDRectangle(72, 600, 200, 20));
            annotation.setAction(new PDActionJavaScript("this.submitForm('https://example.invalid')"));
            page.getAnnotations().add(annotation);
        });
        upload(id, "mietbescheinigung", link)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://amtsweg.org/problems/active-content"))
                .body("found", equalTo(List.of("JavaScript")));

        byte[] plain = Documents.builtPdf((document, page) -> {});
        upload(id, "mietbescheinigung", plain).then().statusCode(201).body("mediaType", equalTo("application/pdf"));
        given().auth()
                .oauth2(ERIKA)
                .get("/applications/" + id + "/attachments")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void encryptedAndBrokenPdfsAreRefusedClearly() {
        String id = draft();
        byte[] encrypted = Documents.builtPdf((document, page) -> {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("eigentuemer", "geheim", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
        upload(id, "mietbescheinigung", encrypted)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/encrypted-document"));
        upload(
                        id,
                        "mietbescheinigung",
                        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R".getBytes(StandardCharsets.US_ASCII))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/unreadable-document"));
        given().auth()
                .oauth2(ERIKA)
                .get("/applications/" + id + "/attachments")
                .then()
                .body("$", hasSize(0));
    }

    @Test
    void aMultipartBodyThatCannotBeReadIsA400() {
        String id = draft();
        String parts = "--BBBB\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmietbescheinigung\r\n"
                + "--BBBB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + new String(Documents.pdf(), StandardCharsets.US_ASCII) + "\r\n--BBBB--\r\n";
        for (String[] request : new String[][] {
            {"multipart/form-data; boundary=AAAA", parts},
            {"multipart/form-data; boundary=BBBB", parts.substring(0, parts.length() / 2)},
            {"multipart/form-data; boundary=BBBB", "nichts davon ist multipart"}
        }) {
            given().auth()
                    .oauth2(ERIKA)
                    .contentType(request[0])
                    .body(request[1].getBytes(StandardCharsets.US_ASCII))
                    .post("/applications/" + id + "/attachments")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://amtsweg.org/problems/malformed-body"))
                    .body(not(containsString("IOException")));
        }
        // The right boundary: stored.
        given().auth()
                .oauth2(ERIKA)
                .contentType("multipart/form-data; boundary=BBBB")
                .body(parts.getBytes(StandardCharsets.US_ASCII))
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
    }

    @Test
    void aMissingOrWrongPartIsNamed() {
        String id = draft();
        String attachments = "/applications/" + id + "/attachments";
        given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "mietbescheinigung")
                .post(attachments)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://amtsweg.org/problems/invalid-parameter"))
                .body("parameter", equalTo("file"));
        given().auth()
                .oauth2(ERIKA)
                .multiPart("file", "a.pdf", Documents.pdf(), "application/pdf")
                .post(attachments)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("kind"));
        given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "leer.pdf", new byte[0], "application/pdf")
                .post(attachments)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("file"))
                .body("detail", containsString("leer"));
        upload(id, "lebenslauf", Documents.pdf()).then().statusCode(400).body("parameter", equalTo("kind"));
        for (String kind : List.of("miet\u0000", "../mietbescheinigung", "x".repeat(65), "Mietbescheinigung")) {
            upload(id, kind, Documents.pdf())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("kind"))
                    .body("detail", not(containsString(kind)));
        }
        given().auth().oauth2(ERIKA).get(attachments).then().body("$", hasSize(0));
    }

    private static String draft() {
        return given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response upload(String id, String kind, byte[] content) {
        return given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", kind)
                .multiPart("file", "dokument.pdf", content, "application/pdf")
                .post("/applications/" + id + "/attachments");
    }
}
