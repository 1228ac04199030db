package org.amtsweg.application.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key of a submission decides which request a repeated one is. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class IdempotencyKeyTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final String ERIKA = TestTokens.erika("high");
    private static final String EXAMPLE_APPLICATION = "5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10";

    @Test
    void theSameKeyGetsTheSameAnswerAndANewKeyTheExistingSubmission() {
        String id = completeDraft(ERIKA);
        String key = UUID.randomUUID().toString();
        String reference = submit(ERIKA, id, key)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .extract()
                .path("referenceNumber");
        submit(ERIKA, id, key)
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo(reference))
                .body("status", equalTo("SUBMITTED"));
        submit(ERIKA, id, UUID.randomUUID().toString())
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo(reference));
        submit(ERIKA, id, null).then().statusCode(200).body("referenceNumber", equalTo(reference));
        assertThat(KAFKA.eventsOfType("applications", id, "ApplicationSubmitted", 2, Duration.ofSeconds(5)))
                .hasSize(1);
    }

    @Test
    void aKeyUsedForOneApplicationIsRefusedForAnother() {
        String key = "antrag-" + UUID.randomUUID();
        String first = completeDraft(ERIKA);
        String second = completeDraft(ERIKA);
        String reference =
                submit(ERIKA, first, key).then().statusCode(200).extract().path("referenceNumber");

        submit(ERIKA, second, key)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/idempotency-key-reused"))
                .body("parameter", equalTo("Idempotency-Key"));
        given().auth()
                .oauth2(ERIKA)
                .get("/applications/" + second)
                .then()
                .body("status", equalTo("DRAFT"))
                .body("referenceNumber", nullValue());
        // Not even once the second is submitted under a key of its own.
        String own = submit(ERIKA, second, "eigener-" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .extract()
                .path("referenceNumber");
        assertThat(own).isNotEqualTo(reference);
        submit(ERIKA, second, key)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://amtsweg.org/problems/idempotency-key-reused"));
        // The first keeps answering its key.
        submit(ERIKA, first, key).then().statusCode(200).body("referenceNumber", equalTo(reference));
    }

    @Test
    void keysAreEachCitizensOwn() {
        String key = "gemeinsam-" + UUID.randomUUID();
        String max = TestTokens.citizen(
                "max-" + UUID.randomUUID(),
                "Max",
                "Mustermann",
                "1978-03-02",
                "Friedensplatz 1",
                "44135",
                "Dortmund",
                "05913000",
                "high");
        submit(ERIKA, completeDraft(ERIKA), key).then().statusCode(200);
        submit(max, completeDraft(max), key).then().statusCode(200).body("referenceNumber", Matchers.startsWith("DO-"));
    }

    @Test
    void theRetryOfTheSubmissionIsNoReplyToALaterInformationRequest() throws Exception {
        String id = completeDraft(ERIKA);
        String key = UUID.randomUUID().toString();
        String reference =
                submit(ERIKA, id, key).then().statusCode(200).extract().path("referenceNumber");
        ObjectNode request = (ObjectNode) new ObjectMapper()
                .readTree(EventContracts.example("InformationRequested").replace(EXAMPLE_APPLICATION, id));
        request.put("requestId", UUID.randomUUID().toString());
        request.putArray("documents");
        KAFKA.publishCloudEvent(
                "cases",
                id,
                UUID.randomUUID().toString(),
                "InformationRequested",
                "urn:amtsweg:case-service",
                id,
                new ObjectMapper().writeValueAsString(request));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(ERIKA)
                        .get("/applications/" + id)
                        .then()
                        .body("status", equalTo("INFORMATION_REQUESTED")));

        // A late retry of the first request: answered as then, the request stays open.
        submit(ERIKA, id, key)
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo(reference))
                .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(ERIKA).get("/applications/" + id).then().body("status", equalTo("INFORMATION_REQUESTED"));
    }

    @Test
    void aKeyMustBePrintableAsciiOfAtMost200Characters() {
        String id = completeDraft(ERIKA);
        for (String key : new String[] {"x".repeat(201), "mit\ttabulator", "schlüssel"}) {
            given().auth()
                    .oauth2(ERIKA)
                    .header("Idempotency-Key", key)
                    .post("/applications/" + id + "/submit")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("Idempotency-Key"));
        }
        given().auth().oauth2(ERIKA).get("/applications/" + id).then().body("status", equalTo("DRAFT"));
    }

    private static Response submit(String token, String id, String key) {
        var request = given().auth().oauth2(token);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/applications/" + id + "/submit");
    }

    private static String completeDraft(String token) {
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
        return id;
    }
}
