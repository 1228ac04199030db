package org.amtsweg.application.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The citizen's status follows the case, from the events case-service publishes. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class CaseStatusTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    private static final String EXAMPLE_APPLICATION = "5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10";

    @Test
    void theContractsExampleCaseOpenedMovesTheApplicationToReceivedOnceEvenWhenRedelivered() {
        String id = submitted();
        String event = EventContracts.example("CaseOpened").replace(EXAMPLE_APPLICATION, id);
        String eventId = UUID.randomUUID().toString();
        KAFKA.publishCloudEvent("cases", id, eventId, "CaseOpened", "urn:amtsweg:case-service", id, event);
        KAFKA.publishCloudEvent("cases", id, eventId, "CaseOpened", "urn:amtsweg:case-service", id, event);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.erika("high"))
                        .get("/applications/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("RECEIVED")));
        // The redelivered event has been consumed by now too (same partition, later offset) and changed nothing.
        String other = UUID.randomUUID().toString();
        KAFKA.publishCloudEvent(
                "cases",
                id,
                other,
                "CaseStatusChanged",
                "urn:amtsweg:case-service",
                id,
                EventContracts.example("CaseStatusChanged").replace(EXAMPLE_APPLICATION, id));
        awaitInReviewAfterItsCaseOpened(id);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String id = submitted();
        KAFKA.publishCloudEvent("cases", id, null, null, "urn:amtsweg:case-service", null, "this is not a CloudEvent");
        String eventId = UUID.randomUUID().toString();
        KAFKA.publishCloudEvent(
                "cases",
                id,
                eventId,
                "CaseOpened",
                "urn:amtsweg:case-service",
                id,
                EventContracts.example("CaseOpened").replace(EXAMPLE_APPLICATION, id));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.erika("high"))
                        .get("/applications/" + id)
                        .then()
                        .body("status", equalTo("RECEIVED")));
        assertThat(KAFKA.recordsWithKey("application-service.cases.dlq", id, 1, Duration.ofSeconds(20)))
                .extracting(record -> record.value())
                .containsExactly("this is not a CloudEvent");
    }

    @Test
    void aCaseOpenedForAnApplicationIntakeDoesNotHoldIsDeadLetteredAndCountsAsNotApplied() {
        String unknown = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        KAFKA.publishCloudEvent(
                "cases",
                unknown,
                eventId,
                "CaseOpened",
                "urn:amtsweg:case-service",
                unknown,
                EventContracts.example("CaseOpened").replace(EXAMPLE_APPLICATION, unknown));
        assertThat(KAFKA.recordsWithKey("application-service.cases.dlq", unknown, 1, Duration.ofSeconds(20)))
                .extracting(record -> new String(
                        record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .singleElement()
                .asString()
                .contains("unknown application " + unknown);

        // Nothing was recorded under its id: the same event, re-driven once its application exists, is applied.
        String id = submitted();
        KAFKA.publishCloudEvent(
                "cases",
                id,
                eventId,
                "CaseOpened",
                "urn:amtsweg:case-service",
                id,
                EventContracts.example("CaseOpened").replace(EXAMPLE_APPLICATION, id));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.erika("high"))
                        .get("/applications/" + id)
                        .then()
                        .body("status", equalTo("RECEIVED")));
    }

    @Test
    void aBurstOfCaseEventsFollowsEveryApplicationInOrderWhilePoisonAmongThemIsSetAside() {
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> submitted()).toList();
        // One key, so that they share a partition and are read in polls of many, as under load.
        String burst = "burst-" + UUID.randomUUID();
        String unknown = UUID.randomUUID().toString();
        for (String id : ids) {
            KAFKA.publishCloudEvent(
                    "cases",
                    burst,
                    UUID.randomUUID().toString(),
                    "CaseOpened",
                    "urn:amtsweg:case-service",
                    id,
                    EventContracts.example("CaseOpened").replace(EXAMPLE_APPLICATION, id));
            KAFKA.publishCloudEvent(
                    "cases",
                    burst,
                    UUID.randomUUID().toString(),
                    "RegistryCheckCompleted",
                    "urn:amtsweg:case-service",
                    id,
                    EventContracts.example("RegistryCheckCompleted").replace(EXAMPLE_APPLICATION, id));
        }
        KAFKA.publishCloudEvent(
                "cases",
                burst,
                UUID.randomUUID().toString(),
                "CaseOpened",
                "urn:amtsweg:case-service",
                unknown,
                EventContracts.example("CaseOpened").replace(EXAMPLE_APPLICATION, unknown));
        for (String id : ids) {
            KAFKA.publishCloudEvent(
                    "cases",
                    burst,
                    UUID.randomUUID().toString(),
                    "CaseStatusChanged",
                    "urn:amtsweg:case-service",
                    id,
                    EventContracts.example("CaseStatusChanged").replace(EXAMPLE_APPLICATION, id));
        }

        assertThat(KAFKA.recordsWithKey("application-service.cases.dlq", burst, 1, Duration.ofSeconds(20)))
                .extracting(record -> CloudEventTopics.header(record, "ce_correlationid"))
                .containsExactly(unknown);
        for (String id : ids) {
            awaitInReviewAfterItsCaseOpened(id);
        }
    }

    /** The citizen sees IN_REVIEW, and her timeline holds the opening and the change once each, in order. */
    private static void awaitInReviewAfterItsCaseOpened(String id) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.erika("high"))
                        .get("/applications/" + id)
                        .then()
                        .body("status", equalTo("IN_REVIEW")));
        List<String> events = given().auth()
                .oauth2(TestTokens.erika("high"))
                .get("/applications/" + id)
                .then()
                .extract()
                .path("timeline.event");
        assertThat(events).containsExactly("DraftCreated", "ApplicationSubmitted", "CaseOpened", "CaseStatusChanged");
    }

    private static String submitted() {
        String id = given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200);
        return id;
    }
}
