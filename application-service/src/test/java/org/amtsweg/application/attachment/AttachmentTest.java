package org.amtsweg.application.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.events.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Documents: accepted by content and size as the form says, required ones checked on submission. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class AttachmentTest {

    private static final String ERIKA = TestTokens.erika("high");

    @Test
    void aPdfIsStoredUnderASafeNameAndComesBackUnchanged() {
        String id = draft();
        String attachment = upload(id, "mietbescheinigung", "../../etc/miet<bescheinigung>.pdf", Documents.pdf())
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("application/pdf"))
                .body("fileName", equalTo("miet_bescheinigung_.pdf"))
                .extract()
                .path("id");
        byte[] back = given().auth()
                .oauth2(ERIKA)
                .get("/applications/" + id + "/attachments/" + attachment)
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertThat(back).isEqualTo(Documents.pdf());
    }

    @Test
    void theTypeIsDecidedByTheContentNotTheName() {
        String id = draft();
        upload(id, "mietbescheinigung", "foto.pdf", Documents.png())
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("image/png"));
        upload(
                        id,
                        "mietbescheinigung",
                        "rechnung.pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("acceptedTypes", hasItem("application/pdf"));
    }

    @Test
    void tooLargeFilesAndUnknownKindsAreRefused() {
        String id = draft();
        upload(id, "mietbescheinigung", "gross.pdf", Documents.ofSize(10 * 1024 * 1024 + 1))
                .then()
                .statusCode(413);
        upload(id, "lebenslauf", "cv.pdf", Documents.pdf())
                .then()
                .statusCode(400)
                .body("parameter", equalTo("kind"));
        given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "mietbescheinigung")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(400);
    }

    @Test
    void aRequiredDocumentIsMissedOnSubmissionAndTheReceiptIsBrandedForHagen() throws Exception {
        String id = draft();
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ERIKA)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/attachments/mietbescheinigung"))
                .body(
                        "violations.find { it.pointer == '/attachments/mietbescheinigung' }.message",
                        Matchers.equalTo(
                                "Bitte laden Sie das Dokument „Mietbescheinigung der Vermieterin oder des Vermieters“ hoch."));

        upload(id, "mietbescheinigung", "miete.pdf", Documents.pdf()).then().statusCode(201);
        String reference = given().auth()
                .oauth2(ERIKA)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200)
                .extract()
                .path("referenceNumber");
        given().auth()
                .oauth2(ERIKA)
                .delete("/applications/" + id + "/attachments/" + UUID.randomUUID())
                .then()
                .statusCode(409);

        byte[] receipt = given().auth()
                .oauth2(ERIKA)
                .get("/applications/" + id + "/receipt")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (var document = Loader.loadPDF(receipt)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Stadt Hagen")
                    .contains("Eingangsbestätigung")
                    .contains(reference)
                    .contains("Wohngeld digital")
                    .doesNotContain("Amtsweg")
                    .doesNotContain("Dataport");
            // Hagen's logo is drawn in its letterhead: the shield's blue is in the one image of the page.
            var resources = document.getPage(0).getResources();
            var names = new ArrayList<COSName>();
            resources.getXObjectNames().forEach(names::add);
            assertThat(names).hasSize(1);
            var logo = ((PDImageXObject) resources.getXObject(names.get(0))).getImage();
            assertThat(logo.getRGB(logo.getWidth() / 2, logo.getHeight() / 6) & 0xffffff)
                    .isEqualTo(0x00599c);
        }
        // The receipt is the proof of what arrived when: it reads the same after Hagen changes its letterhead.
        String before = CatalogDouble.hagenNameLine;
        try {
            CatalogDouble.hagenNameLine = "Stadt Hagen – Die Oberbürgermeisterin";
            byte[] again = given().auth()
                    .oauth2(ERIKA)
                    .get("/applications/" + id + "/receipt")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(again).isEqualTo(receipt);
        } finally {
            CatalogDouble.hagenNameLine = before;
        }
    }

    @Test
    void theCaseServiceFetchesDocumentsOfSubmittedApplicationsOnly() {
        String caseService = TestTokens.service("case-service", "catalog.read attachments.read");
        String id = draft();
        String attachment = upload(id, "mietbescheinigung", "miete.pdf", Documents.pdf())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String path = "/submissions/" + id + "/attachments/" + attachment;

        // While it is a draft, the documents are the citizen's alone.
        given().auth().oauth2(caseService).get(path).then().statusCode(404).contentType("application/problem+json");

        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ERIKA)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200);

        byte[] content = given().auth()
                .oauth2(caseService)
                .get(path)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header(
                        "Repr-Digest",
                        equalTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256(Documents.pdf())) + ":"))
                .extract()
                .asByteArray();
        assertThat(content).isEqualTo(Documents.pdf());
        given().auth()
                .oauth2(caseService)
                .get("/submissions/" + id + "/attachments/" + UUID.randomUUID())
                .then()
                .statusCode(404);

        // Neither the citizen nor a service without the scope reaches them this way.
        given().auth()
                .oauth2(ERIKA)
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/forbidden"))
                .body("title", equalTo("Keine Berechtigung / Forbidden"));
        given().auth()
                .oauth2(TestTokens.service("application-service", "catalog.read"))
                .get(path)
                .then()
                .statusCode(403);
    }

    @Test
    void aServiceActingOnItsOwnBehalfCannotApply() {
        given().auth()
                .oauth2(TestTokens.service("case-service", "catalog.read attachments.read"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(403)
                .body("type", containsString("citizens-only"));
    }

    @Test
    void markupInTextFieldsIsKeptAsTextAndServedAsJson() {
        String id = draft();
        Map<String, Object> data = WohngeldApplication.complete();
        data.put(
                "wohnung",
                Map.of(
                        "vermieter",
                        Map.of(
                                "name",
                                "<script>alert('x')</script>",
                                "anschrift",
                                Map.of(
                                        "strasse_hausnummer",
                                        "Bahnhofstraße 1",
                                        "postleitzahl",
                                        "58095",
                                        "ort",
                                        "Hagen"))));
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(data)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("data.wohnung.vermieter.name", equalTo("<script>alert('x')</script>"));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
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

    private static Response upload(String id, String kind, String fileName, byte[] content) {
        return given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", kind)
                .multiPart("file", fileName, content, "application/octet-stream")
                .post("/applications/" + id + "/attachments");
    }
}
