package org.amtsweg.cases.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Cases open from submitted applications, once, for the responsible authority, and get checked against the register. */
@QuarkusTest
class CaseIntakeTest {

    private static final CloudEventTopics KAFKA = CaseFixture.KAFKA;
    private static final ObjectMapper JSON = CaseFixture.JSON;
    private static final String HAGEN_CLERK = CaseFixture.HAGEN_CLERK;
    private static final String DORTMUND_CLERK = CaseFixture.DORTMUND_CLERK;

    @Test
    void theContractsExampleOpensOneCaseForHagenEvenWhenDelivered3Times() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String event = submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11");
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            KAFKA.publishCloudEvent(
                    "applications",
                    applicationId,
                    eventId,
                    "ApplicationSubmitted",
                    "urn:amtsweg:application-service",
                    applicationId,
                    event);
        }
        // The same application under another event id (a producer that lost its outbox mark): still one case.
        KAFKA.publishCloudEvent(
                "applications",
                applicationId,
                UUID.randomUUID().toString(),
                "ApplicationSubmitted",
                "urn:amtsweg:application-service",
                applicationId,
                event);

        String caseId = awaitCase(applicationId);
        List<String> inbox = given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(inbox.stream().filter(caseId::equals)).hasSize(1);

        List<ConsumerRecord<String, String>> records =
                KAFKA.recordsWithKey("cases", applicationId, 2, Duration.ofSeconds(20));
        assertThat(records)
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .containsExactly("CaseOpened", "RegistryCheckCompleted");
        for (ConsumerRecord<String, String> record : records) {
            assertThat(EventContracts.violations(CloudEventTopics.header(record, "ce_type"), record.value()))
                    .isEmpty();
            assertThat(CloudEventTopics.header(record, "ce_correlationid")).isEqualTo(applicationId);
            // In the journey's trace, whose id is the application's: one trace from the citizen's submission on.
            assertThat(CloudEventTopics.header(record, "traceparent"))
                    .startsWith("00-" + applicationId.replace("-", "") + "-");
        }
        assertThat(JSON.readTree(records.get(1).value()).get("result").asText()).isEqualTo("MATCH");
    }

    @Test
    void theCaseCarriesTheStructuredDataAndTheAuditedRegisterCheck() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        publish(applicationId, submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11"));
        String caseId = awaitCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .statusCode(200)
                        .body("registryChecks[0].state", equalTo("DONE")));
        given().auth()
                .oauth2(HAGEN_CLERK)
                .get("/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("referenceNumber", equalTo("HA-2026-000123"))
                .body("applicant.givenName", equalTo("Erika"))
                .body("data.bankverbindung.iban", equalTo("DE02120300000000202051"))
                .body("registryChecks[0].register", equalTo("RESIDENT_REGISTER"))
                .body("registryChecks[0].result", equalTo("MATCH"))
                .body("registryChecks[0].legalBasis", Matchers.containsString("BMG"))
                .body("registryChecks[0].purpose", Matchers.containsString("Wohngeld"))
                // The audit record shows what was asked and what came back.
                .body("registryChecks[0].request.familyName", equalTo("Mustermann"))
                .body("registryChecks[0].request.birthdate", equalTo("1964-08-12"))
                .body("registryChecks[0].response", Matchers.notNullValue())
                .body("history.action", hasItem("OPENED"));
    }

    @Test
    void aDifferentAddressInTheRegisterIsAMismatchNamingTheField() {
        String applicationId = UUID.randomUUID().toString();
        publish(applicationId, submitted(applicationId, "Lena", "Schmidt", "1991-11-23", "Elberfelder Straße 20"));
        String caseId = awaitCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("registryChecks[0].result", equalTo("MISMATCH"))
                        .body("registryChecks[0].differingFields", equalTo(List.of("streetAddress"))));
    }

    @Test
    void theInboxFiltersByRegisterResultAndTheHistoryIsReadable() {
        String applicationId = UUID.randomUUID().toString();
        publish(applicationId, submitted(applicationId, "Lena", "Schmidt", "1991-11-23", "Elberfelder Straße 20"));
        String caseId = awaitCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(HAGEN_CLERK)
                        .queryParam("registryResult", "MISMATCH")
                        .queryParam("limit", 200)
                        .get("/cases")
                        .then()
                        .statusCode(200)
                        .body("items.id", hasItem(caseId)));
        given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("registryResult", "MATCH")
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .body("items.id", not(hasItem(caseId)));
        given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("registryResult", "MAYBE")
                .get("/cases")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(HAGEN_CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItem("OPENED"))
                .body("action", hasItem("REGISTRY_CHECK"));
        given().auth()
                .oauth2(DORTMUND_CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .statusCode(404);
    }

    @Test
    void aPersonUnknownToTheRegisterIsNotFound() {
        String applicationId = UUID.randomUUID().toString();
        publish(applicationId, submitted(applicationId, "Jonas", "Weber", "2001-05-17", "Bergstraße 5"));
        String caseId = awaitCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("registryChecks[0].result", equalTo("NOT_FOUND")));
    }

    @Test
    void anotherAuthoritysClerkSeesNothingOfTheCase() {
        String applicationId = UUID.randomUUID().toString();
        publish(applicationId, submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11"));
        String caseId = awaitCase(applicationId);
        given().auth()
                .oauth2(DORTMUND_CLERK)
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(caseId)));
        given().auth()
                .oauth2(DORTMUND_CLERK)
                .get("/cases/" + caseId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void citizensAndStrangersCannotReadCases() {
        given().auth().oauth2(TestTokens.erika("high")).get("/cases").then().statusCode(403);
        given().get("/cases").then().statusCode(401);
    }

    @Test
    void theInboxIsKeysetPaged() {
        for (int i = 0; i < 3; i++) {
            String applicationId = UUID.randomUUID().toString();
            publish(applicationId, submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11"));
            awaitCase(applicationId);
        }
        String next = given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("limit", 2)
                .get("/cases")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .extract()
                .path("next");
        List<String> first = given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("limit", 2)
                .get("/cases")
                .then()
                .extract()
                .path("items.id");
        List<String> second = given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get("/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("after", "garbage!")
                .get("/cases")
                .then()
                .statusCode(400);
    }

    @Test
    void theInboxCanBeWorkedOldestFirst() {
        for (int i = 0; i < 3; i++) {
            String applicationId = UUID.randomUUID().toString();
            publish(applicationId, submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11"));
            awaitCase(applicationId);
        }
        List<String> newest = given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("items.openedAt");
        List<String> oldest = new ArrayList<>();
        String next = null;
        do {
            var page = given().auth()
                    .oauth2(HAGEN_CLERK)
                    .queryParam("sort", "oldest")
                    .queryParam("limit", 2)
                    .queryParam("after", next == null ? new Object[0] : new Object[] {next})
                    .get("/cases")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            oldest.addAll(page.getList("items.openedAt"));
            next = page.getString("next");
        } while (next != null);

        // Every case once, in the opposite order, page after page.
        List<String> reversed = new ArrayList<>(newest);
        Collections.reverse(reversed);
        assertThat(oldest).hasSameSizeAs(newest).isEqualTo(reversed);
        given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("sort", "random")
                .get("/cases")
                .then()
                .statusCode(400)
                .body("detail", Matchers.containsString("oldest"));
    }

    @Test
    void theDraftsAndDocumentsEventsOfAnApplicationPassWithoutEffectAndItsCaseStillOpens() {
        // application-service announces drafts and documents on the same topic and key for the usage report:
        // acknowledged and ignored here, never dead-lettered, and the submission after them opens the case.
        String applicationId = UUID.randomUUID().toString();
        for (String type : List.of("DraftStarted", "DocumentStored", "DocumentRemoved")) {
            String example =
                    EventContracts.example(type).replace("5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10", applicationId);
            KAFKA.publishCloudEvent(
                    "applications",
                    applicationId,
                    UUID.randomUUID().toString(),
                    type,
                    "urn:amtsweg:application-service",
                    applicationId,
                    example);
        }
        publish(applicationId, submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11"));
        awaitCase(applicationId);
        assertThat(KAFKA.recordsWithKey("case-service.applications.dlq", applicationId, 0, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        KAFKA.publishCloudEvent(
                "applications",
                key,
                UUID.randomUUID().toString(),
                "ApplicationSubmitted",
                "urn:amtsweg:application-service",
                key,
                "{\"applicationId\": 42");
        assertThat(KAFKA.recordsWithKey("case-service.applications.dlq", key, 1, Duration.ofSeconds(20)))
                .hasSize(1);
    }

    @Test
    void aBurstOfSubmissionsOpensOneCaseEachWhilePoisonAmongThemIsSetAside() {
        // One key, so that they share a partition and the consumer reads many of them in one poll, as under load.
        String burst = "burst-" + UUID.randomUUID();
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String applicationId = UUID.randomUUID().toString();
            applications.add(applicationId);
            String eventId = UUID.randomUUID().toString();
            String event = submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11");
            KAFKA.publishCloudEvent(
                    "applications",
                    burst,
                    eventId,
                    "ApplicationSubmitted",
                    "urn:amtsweg:application-service",
                    applicationId,
                    event);
            if (i == 20) {
                KAFKA.publishCloudEvent(
                        "applications",
                        burst,
                        UUID.randomUUID().toString(),
                        "ApplicationSubmitted",
                        "urn:amtsweg:application-service",
                        burst,
                        "{\"applicationId\": 42");
                // Sent twice by a producer that lost its acknowledgement: one case.
                KAFKA.publishCloudEvent(
                        "applications",
                        burst,
                        eventId,
                        "ApplicationSubmitted",
                        "urn:amtsweg:application-service",
                        applicationId,
                        event);
            }
        }
        assertThat(KAFKA.recordsWithKey("case-service.applications.dlq", burst, 1, Duration.ofSeconds(20)))
                .hasSize(1);
        List<ConsumerRecord<String, String>> opened = KAFKA.recordsMatching(
                "cases",
                record -> applications.contains(record.key())
                        && "CaseOpened".equals(CloudEventTopics.header(record, "ce_type")),
                applications.size(),
                Duration.ofSeconds(20));
        assertThat(opened)
                .extracting(ConsumerRecord::key)
                .hasSize(applications.size())
                .doesNotHaveDuplicates();
        List<String> inbox = given().auth()
                .oauth2(HAGEN_CLERK)
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .statusCode(200)
                .extract()
                .path("items.applicationId");
        assertThat(inbox.stream().filter(applications::contains))
                .hasSize(applications.size())
                .doesNotHaveDuplicates();
        assertThat(KAFKA.recordsWithKey("case-service.applications.dlq", burst, 2, Duration.ofSeconds(2)))
                .hasSize(1);
    }

    private static void publish(String applicationId, String event) {
        CaseFixture.publish(applicationId, "ApplicationSubmitted", event);
    }

    private static String awaitCase(String applicationId) {
        return CaseFixture.awaitCase(applicationId);
    }

    private static String submitted(
            String applicationId, String given, String family, String birthdate, String street) {
        return CaseFixture.submitted(applicationId, given, family, birthdate, street);
    }
}
