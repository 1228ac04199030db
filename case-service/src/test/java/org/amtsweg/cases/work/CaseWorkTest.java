package org.amtsweg.cases.work;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A clerk works a case: takes it, asks for information, gets the answer, decides. */
@QuarkusTest
class CaseWorkTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;

    @Test
    void aCaseGoesFromReviewThroughAnInformationRequestToTheDecision() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String caseId = CaseFixture.openCase(applicationId);

        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "reasoning", "passt", "noticeText", "bewilligt"))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://amtsweg.org/problems/illegal-transition"));

        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        String etag = given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("assignee", equalTo("clerk.hagen"))
                .extract()
                .header("ETag");

        String requestId = given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of(
                        "message",
                        "Bitte reichen Sie die aktuelle Mietbescheinigung nach.",
                        "fields",
                        List.of("/wohnung/bruttokaltmiete_eur"),
                        "documents",
                        List.of("mietbescheinigung"),
                        "dueDate",
                        "2026-12-31"))
                .post("/cases/" + caseId + "/information-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("requestId");
        // The same ETag again: someone (this clerk) changed the case meanwhile.
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("text", "Notiz"))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(412);

        List<ConsumerRecord<String, String>> events =
                CaseFixture.KAFKA.recordsWithKey("cases", applicationId, 5, Duration.ofSeconds(20));
        assertThat(events)
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .contains("CaseStatusChanged", "InformationRequested");
        for (ConsumerRecord<String, String> record : events) {
            assertThat(EventContracts.violations(CloudEventTopics.header(record, "ce_type"), record.value()))
                    .isEmpty();
        }

        ObjectNode supplement = (ObjectNode) CaseFixture.JSON.readTree(EventContracts.example("ApplicationSupplemented")
                .replace("5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10", applicationId));
        supplement.put("requestId", requestId);
        ((ObjectNode) supplement.get("data").get("wohnung")).put("bruttokaltmiete_eur", 690.0);
        CaseFixture.publish(applicationId, "ApplicationSupplemented", CaseFixture.JSON.writeValueAsString(supplement));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("status", equalTo("IN_REVIEW"))
                        .body("data.wohnung.bruttokaltmiete_eur", equalTo(690.0f))
                        .body("history.action", hasItem("SUPPLEMENTED")));

        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "APPROVED",
                        "reasoning",
                        "Die Voraussetzungen nach § 3 WoGG liegen vor.",
                        "noticeText",
                        "Ihnen wird Wohngeld bewilligt."))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(201);
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("status", equalTo("DECIDED"));
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reasoning", "doch nicht", "noticeText", "abgelehnt"))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(409);
        assertThat(CaseFixture.KAFKA.recordsWithKey("cases", applicationId, 8, Duration.ofSeconds(20)))
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .contains("DecisionIssued");
    }

    @Test
    void onlySupervisorsAssignOthersAndOtherAuthoritiesSeeNothing() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "someone.else"))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(CaseFixture.HAGEN_SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "clerk.hagen"))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(CaseFixture.DORTMUND_CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsAreRefusedFieldByField() {
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
                .body(Map.of("message", "", "fields", List.of("wohnung"), "documents", List.of()))
                .post("/cases/" + caseId + "/information-requests")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                .body("violations.pointer", hasItem("/message"))
                .body("violations.pointer", hasItem("/fields/0"));
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "MAYBE", "reasoning", "x", "noticeText", "y"))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/outcome"));
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .header("If-Match", "not-a-revision")
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(400);
    }
}
