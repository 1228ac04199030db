package org.amtsweg.application.mailbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.application.intake.DraftExpiry;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The missing-data loop and the mailbox: the authority asks, exactly the named fields reopen, the
 * citizen answers, the case gets the supplement; the decision notice arrives in the mailbox.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class InformationRequestTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERIKA = TestTokens.erika("high");
    private static final String EXAMPLE_APPLICATION = "5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10";

    @Inject
    DraftExpiry expiry;

    @Inject
    Pool pool;

    @Test
    void exactlyTheRequestedFieldsReopenAndTheAnswerReachesTheCase() throws Exception {
        String id = submitted();
        String requestId = UUID.randomUUID().toString();
        ObjectNode request = (ObjectNode)
                JSON.readTree(EventContracts.example("InformationRequested").replace(EXAMPLE_APPLICATION, id));
        request.put("requestId", requestId);
        request.putArray("documents").add("einkommensnachweis");
        KAFKA.publishCloudEvent(
                "cases",
                id,
                UUID.randomUUID().toString(),
                "InformationRequested",
                "urn:amtsweg:case-service",
                id,
                JSON.writeValueAsString(request));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(ERIKA)
                        .get("/applications/" + id)
                        .then()
                        .body("status", equalTo("INFORMATION_REQUESTED")));
        String messageId = given().auth()
                .oauth2(ERIKA)
                .get("/mailbox")
                .then()
                .statusCode(200)
                .body("find { it.applicationId == '" + id + "' }.kind", equalTo("INFORMATION_REQUEST"))
                .body(
                        "find { it.applicationId == '" + id + "' }.fields",
                        equalTo(List.of("/wohnung/bruttokaltmiete_eur")))
                .extract()
                .path("find { it.applicationId == '" + id + "' }.id");
        given().auth()
                .oauth2(ERIKA)
                .get("/mailbox/" + messageId)
                .then()
                .statusCode(200)
                .body("readAt", Matchers.notNullValue());

        // Changing anything else is refused; the asked-for field may change.
        Map<String, Object> other = WohngeldApplication.complete();
        other.put("einkommen", Map.of("arten", List.of("rente"), "monatliches_bruttoeinkommen_eur", 999.0));
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(other)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(409)
                .body("fields", hasItem("/einkommen/monatliches_bruttoeinkommen_eur"));
        Map<String, Object> answer = WohngeldApplication.complete();
        answer.put(
                "wohnung",
                Map.of(
                        "einzugsdatum",
                        "2019-04-01",
                        "wohnflaeche_qm",
                        62.5,
                        "anzahl_raeume",
                        3,
                        "bruttokaltmiete_eur",
                        690.0,
                        "heizkosten_eur",
                        90.0,
                        "heizkosten_in_miete_enthalten",
                        false,
                        "vermieter",
                        Map.of(
                                "name",
                                "Hagener Wohnungsbau eG",
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
                .body(answer)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);

        // A reply longer than the mailbox takes: refused at its field, in the one violation shape.
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "x".repeat(5001)))
                .post("/mailbox/" + messageId + "/reply")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                .body("violations.pointer", equalTo(List.of("/message")))
                .body("violations[0].keyword", equalTo("maxLength"))
                .body("violations[0].message", equalTo("Höchstens 5000 Zeichen."));
        // The document asked for is missing: not sent.
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Die Miete ist gestiegen."))
                .post("/mailbox/" + messageId + "/reply")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/attachments/einkommensnachweis"));
        given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "einkommensnachweis")
                .multiPart("file", "rente.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Die Miete ist gestiegen."))
                .post("/mailbox/" + messageId + "/reply")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUPPLEMENTED"));

        var supplemented = KAFKA.recordsWithKey("applications", id, 2, Duration.ofSeconds(20)).stream()
                .filter(record -> "ApplicationSupplemented".equals(CloudEventTopics.header(record, "ce_type")))
                .toList();
        assertThat(supplemented).hasSize(1);
        assertThat(EventContracts.violations(
                        "ApplicationSupplemented", supplemented.get(0).value()))
                .isEmpty();
        var event = JSON.readTree(supplemented.get(0).value());
        assertThat(event.get("requestId").asText()).isEqualTo(requestId);
        assertThat(event.get("changedFields")).hasSize(1);
        assertThat(event.get("changedFields").get(0).asText()).isEqualTo("/wohnung/bruttokaltmiete_eur");
        assertThat(event.get("message").asText()).isEqualTo("Die Miete ist gestiegen.");
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "noch einmal"))
                .post("/mailbox/" + messageId + "/reply")
                .then()
                .statusCode(409);
    }

    @Test
    void theDecisionNoticeArrivesInTheMailboxAsABrandedPdf() throws Exception {
        String id = submitted();
        KAFKA.publishCloudEvent(
                "cases",
                id,
                UUID.randomUUID().toString(),
                "DecisionIssued",
                "urn:amtsweg:case-service",
                id,
                EventContracts.example("DecisionIssued").replace(EXAMPLE_APPLICATION, id));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(ERIKA)
                        .get("/mailbox")
                        .then()
                        .body("find { it.applicationId == '" + id + "' }.kind", equalTo("DECISION")));
        String messageId = given().auth()
                .oauth2(ERIKA)
                .get("/mailbox")
                .then()
                .extract()
                .path("find { it.applicationId == '" + id + "' }.id");
        byte[] pdf = given().auth()
                .oauth2(ERIKA)
                .get("/mailbox/" + messageId + "/notice")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Bescheid")
                    .contains("Stadt Hagen")
                    .contains("bewilligt")
                    .contains("Der Oberbürgermeister")
                    .containsPattern("Datum: \\d{2}\\.\\d{2}\\.\\d{4}");
        }
        // An issued notice stays as it was issued, whatever the authority changes later.
        String before = CatalogDouble.hagenNameLine;
        try {
            CatalogDouble.hagenNameLine = "Stadt Hagen – Die Oberbürgermeisterin";
            byte[] again = given().auth()
                    .oauth2(ERIKA)
                    .get("/mailbox/" + messageId + "/notice")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(again).isEqualTo(pdf);
        } finally {
            CatalogDouble.hagenNameLine = before;
        }
        // The case service hands the same document to the authority's clerks and procedure; citizens cannot use that
        // way.
        byte[] forTheAuthority = given().auth()
                .oauth2(TestTokens.service("case-service", "attachments.read"))
                .get("/submissions/" + id + "/notice")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(forTheAuthority).isEqualTo(pdf);
        given().auth()
                .oauth2(ERIKA)
                .get("/submissions/" + id + "/notice")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.service("case-service", "attachments.read"))
                .get("/submissions/" + submitted() + "/notice")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String max = TestTokens.citizen(
                "max-pseudonym",
                "Max",
                "Mustermann",
                "1978-03-02",
                "Friedensplatz 1",
                "44135",
                "Dortmund",
                "05913000",
                "high");
        given().auth().oauth2(max).get("/mailbox/" + messageId).then().statusCode(404);
        given().auth()
                .oauth2(max)
                .get("/mailbox/" + messageId + "/notice")
                .then()
                .statusCode(404);
    }

    @Test
    void untouchedDraftsExpireAndAreCountedAsAbandoned() {
        String id = given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Sent once while incomplete: the fields that failed are counted too.
        given().auth()
                .oauth2(ERIKA)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(422);
        pool.preparedQuery("UPDATE application SET updated_at = now() - interval '31 days' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id)))
                .await()
                .indefinitely();
        assertThat(expiry.expire().await().indefinitely()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(ERIKA).get("/applications/" + id).then().statusCode(404);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "amtsweg_intake_applications_total{authority=\"stadt-hagen\",service=\"wohngeld\",stage=\"abandoned\"}"))
                .body(containsString("stage=\"started\""))
                .body(containsString("amtsweg_intake_validation_errors_total"));
    }

    private static String submitted() {
        String id = given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ERIKA)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200);
        return id;
    }
}
