package org.amtsweg.application.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Submission: never incomplete, never twice, always announced. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class SubmissionTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Inject
    Pool pool;

    @Test
    void anIncompleteApplicationIsRefusedFieldByFieldAndNothingIsSent() {
        String id = draftWith(withoutIban());
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                .body("violations.pointer", hasItem("/bankverbindung/iban"))
                .body("violations.find { it.pointer == '/bankverbindung/iban' }.keyword", equalTo("required"))
                .body(
                        "violations.find { it.pointer == '/bankverbindung/iban' }.message",
                        equalTo("Bitte füllen Sie das Feld „IBAN“ aus."))
                .body(
                        "violations.find { it.pointer == '/bankverbindung/iban' }.messageEn",
                        equalTo("Please fill in “IBAN”."))
                // The document the form requires, named as the form names it, not by its internal kind.
                .body("violations.message", Matchers.everyItem(Matchers.not(Matchers.containsString("Eigenschaft"))));
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .get("/applications/" + id)
                .then()
                .body("status", equalTo("DRAFT"));
        assertThat(KAFKA.eventsOfType("applications", id, "ApplicationSubmitted", 1, Duration.ofSeconds(3)))
                .isEmpty();
    }

    @Test
    void aMalformedIbanIsRefusedAlreadyInTheDraft() {
        Map<String, Object> data = WohngeldApplication.complete();
        ((Map<String, Object>) data.get("bankverbindung")).put("iban", "DE02 1203 0000 0000 2020 52");
        String id = draftWith(WohngeldApplication.complete());
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(data)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(422)
                .body("violations.pointer", equalTo(List.of("/bankverbindung/iban")))
                .body("violations[0].keyword", equalTo("format"))
                .body("violations[0].message", Matchers.startsWith("Bitte prüfen Sie die IBAN bei „IBAN“"));
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .get("/applications/" + id)
                .then()
                .body("data.bankverbindung.iban", equalTo("DE02 1203 0000 0000 2020 51"));
    }

    @Test
    void everyViolationIsListedAtOnce() {
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
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/wohnung"))
                .body("violations.pointer", hasItem("/bankverbindung"))
                .body("violations.pointer", hasItem("/antragsteller/familienstand"));
    }

    @Test
    void aCompleteApplicationGetsAReferenceNumberAndIsAnnouncedOnce() throws Exception {
        String id = draftWith(WohngeldApplication.complete());
        String reference = given().auth()
                .oauth2(TestTokens.erika("high"))
                .header("Idempotency-Key", "k-" + id)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("referenceNumber", matchesPattern("HA-\\d{4}-\\d{6}"))
                .body("authority.name", equalTo("Stadt Hagen"))
                .extract()
                .path("referenceNumber");

        // The retry a flaky network makes: same answer, no second event.
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .header("Idempotency-Key", "k-" + id)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo(reference));

        List<ConsumerRecord<String, String>> records =
                KAFKA.eventsOfType("applications", id, "ApplicationSubmitted", 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(CloudEventTopics.header(record, "ce_type")).isEqualTo("ApplicationSubmitted");
        assertThat(CloudEventTopics.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventTopics.header(record, "ce_correlationid")).isEqualTo(id);
        assertThat(CloudEventTopics.header(record, "traceparent")).startsWith("00-" + id.replace("-", "") + "-");
        assertThat(EventContracts.violations("ApplicationSubmitted", record.value()))
                .isEmpty();
        var event = new ObjectMapper().readTree(record.value());
        assertThat(event.get("referenceNumber").asText()).isEqualTo(reference);
        assertThat(event.get("authorityId").asText()).isEqualTo("stadt-hagen");
        assertThat(event.at("/applicant/trustLevel").asText()).isEqualTo("high");
        assertThat(event.at("/applicant/givenName").asText()).isEqualTo("Erika");
        assertThat(event.at("/data/bankverbindung/kontoinhaber").asText()).isEqualTo("Erika Mustermann");
        // Once the broker has the event, the outbox keeps no second copy of the applicant's data.
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        pool.preparedQuery("SELECT count(*) AS remaining FROM outbox_event WHERE aggregate_id = $1")
                                        .execute(Tuple.of(id))
                                        .await()
                                        .indefinitely()
                                        .iterator()
                                        .next()
                                        .getLong("remaining")
                                == 0);

        given().auth()
                .oauth2(TestTokens.erika("high"))
                .get("/applications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("timeline.event", hasItem("ApplicationSubmitted"));
    }

    @Test
    void concurrentFirstSubmissionsToAnAuthorityGetDistinctReferenceNumbers() throws Exception {
        // Dortmund's first submissions in this run: they race to create its reference sequence.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = given().auth()
                    .oauth2(TestTokens.erika("high"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "wohngeld", "ags", "05913000"))
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
            ids.add(id);
        }
        List<CompletableFuture<String>> submissions = ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> given().auth()
                        .oauth2(TestTokens.erika("high"))
                        .post("/applications/" + id + "/submit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("referenceNumber")))
                .toList();
        List<String> references =
                submissions.stream().map(CompletableFuture::join).toList();
        assertThat(references)
                .doesNotHaveDuplicates()
                .allSatisfy(reference -> assertThat(reference).startsWith("DO-"));
    }

    @Test
    void oneApplicationSubmittedFromTwoTabsAtOnceIsSentOnce() throws Exception {
        String id = draftWith(WohngeldApplication.complete());
        List<CompletableFuture<String>> submissions = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().auth()
                        .oauth2(TestTokens.erika("high"))
                        .post("/applications/" + id + "/submit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("referenceNumber")))
                .toList();
        List<String> references =
                submissions.stream().map(CompletableFuture::join).toList();
        assertThat(references).containsOnly(references.get(0));

        assertThat(KAFKA.eventsOfType("applications", id, "ApplicationSubmitted", 1, Duration.ofSeconds(20)))
                .hasSize(1);
        // Nothing more arrives later either.
        assertThat(KAFKA.eventsOfType("applications", id, "ApplicationSubmitted", 2, Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void aSubmittedApplicationCannotBeChanged() {
        String id = draftWith(WohngeldApplication.complete());
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(409);
    }

    private static Map<String, Object> withoutIban() {
        Map<String, Object> data = WohngeldApplication.complete();
        ((Map<String, Object>) data.get("bankverbindung")).remove("iban");
        return data;
    }

    private static String draftWith(Map<String, Object> data) {
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
                .body(data)
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
        return id;
    }
}
