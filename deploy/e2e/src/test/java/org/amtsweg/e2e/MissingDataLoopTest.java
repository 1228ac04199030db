package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journey past submission, through all services: Hagen's clerk asks for missing information, it
 * lands in the citizen's mailbox, she changes exactly that and answers, the case returns to review
 * with the new data, the clerk decides, and the notice arrives in her mailbox. Nobody types twice.
 */
@ExtendWith(RunningPlatform.class)
class MissingDataLoopTest {

    @Test
    void theClerkAsksTheCitizenAnswersTheClerkDecides() {
        String citizen = Journeys.token("erika", "123456");
        String clerk = Journeys.token("clerk.hagen", "Hagen-Demo-2026");
        String id = Journeys.submittedWohngeld(citizen);
        String caseId = Journeys.awaitCase(clerk, id);

        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(clerk)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(clerk)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "message",
                        "Bitte nennen Sie die Miete nach der Erhöhung zum 1. Oktober.",
                        "fields",
                        List.of("/wohnung/bruttokaltmiete_eur"),
                        "documents",
                        List.of()))
                .post("/cases/" + caseId + "/information-requests")
                .then()
                .statusCode(201);

        String messageId = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().baseUri(Platform.url(Platform.APPLICATION))
                                .auth()
                                .oauth2(citizen)
                                .get("/mailbox")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("find { it.applicationId == '" + id
                                        + "' && it.kind == 'INFORMATION_REQUEST' }.id"),
                        Objects::nonNull);

        Map<String, Object> data = Journeys.completeWohngeld();
        data.put(
                "wohnung",
                Map.of(
                        "einzugsdatum",
                        "2019-04-01",
                        "wohnflaeche_qm",
                        62.5,
                        "anzahl_raeume",
                        3,
                        "bruttokaltmiete_eur",
                        705.0,
                        "heizkosten_in_miete_enthalten",
                        true,
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
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .contentType(ContentType.JSON)
                .body(data)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Seit Oktober 705 Euro."))
                .post("/mailbox/" + messageId + "/reply")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(Platform.url(Platform.CASE))
                        .auth()
                        .oauth2(clerk)
                        .get("/cases/" + caseId)
                        .then()
                        .body("status", equalTo("IN_REVIEW"))
                        .body("data.wohnung.bruttokaltmiete_eur", equalTo(705.0f))
                        .body("history.action", hasItem("SUPPLEMENTED")));

        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(clerk)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "APPROVED",
                        "reasoning",
                        "Die Voraussetzungen nach § 3 WoGG liegen vor.",
                        "noticeText",
                        "Ihnen wird ab dem 1. Dezember Wohngeld bewilligt."))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(201);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(Platform.url(Platform.APPLICATION))
                        .auth()
                        .oauth2(citizen)
                        .get("/applications/" + id)
                        .then()
                        .body("status", equalTo("DECIDED")));
        String noticeId = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .get("/mailbox")
                .then()
                .extract()
                .path("find { it.applicationId == '" + id + "' && it.kind == 'DECISION' }.id");
        byte[] notice = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .get("/mailbox/" + noticeId + "/notice")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        Assertions.assertThat(new String(notice, 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }
}
