package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One application of a citizen of Hagen through all four running services, on the real broker and
 * database, with tokens from the real identity gateway: the foundation's walking skeleton.
 */
@ExtendWith(RunningPlatform.class)
class WalkingSkeletonTest {

    private static final CloudEventTopics KAFKA = CloudEventTopics.at(Platform.KAFKA);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wohngeldFromHagenReachesHagensClerkAndNobodyElse() throws Exception {
        String citizen = token("erika", "123456");
        String hagenClerk = token("clerk.hagen", "Hagen-Demo-2026");
        String dortmundClerk = token("clerk.dortmund", "Dortmund-Demo-2026");

        // The catalogue lists Wohngeld as online in Hagen.
        given().baseUri(Platform.url(Platform.CATALOG))
                .queryParam("q", "Wohngeld")
                .queryParam("ags", "05914000")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items[0].key", equalTo("wohngeld"))
                .body("items[0].availability", equalTo("online"));

        // A draft, prefilled from the eID data.
        String id = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .body("authority.id", equalTo("stadt-hagen"))
                .body("data.antragsteller.vorname", equalTo("Erika"))
                .extract()
                .path("id");

        // Without the IBAN it is refused, naming the field.
        Map<String, Object> data = completeWohngeld();
        ((Map<String, Object>) data.get("bankverbindung")).remove("iban");
        saveData(citizen, id, data);
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/bankverbindung/iban"));

        // Complete, with the landlord's rent certificate, it goes through with a reference number of Hagen.
        saveData(citizen, id, completeWohngeld());
        Journeys.uploadRentCertificate(citizen, id);
        String reference = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("referenceNumber", matchesPattern("HA-\\d{4}-\\d{6}"))
                .extract()
                .path("referenceNumber");

        List<ConsumerRecord<String, String>> submitted =
                KAFKA.eventsOfType("applications", id, "ApplicationSubmitted", 1, Duration.ofSeconds(30));
        assertThat(submitted).hasSize(1);
        assertThat(CloudEventTopics.header(submitted.get(0), "ce_type")).isEqualTo("ApplicationSubmitted");
        assertThat(EventContracts.violations(
                        "ApplicationSubmitted", submitted.get(0).value()))
                .isEmpty();

        // case-service opens one case for Hagen and checks the resident register.
        List<ConsumerRecord<String, String>> caseEvents = KAFKA.recordsWithKey("cases", id, 2, Duration.ofSeconds(30));
        assertThat(caseEvents)
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .containsExactly("CaseOpened", "RegistryCheckCompleted");
        JsonNode check = JSON.readTree(caseEvents.get(1).value());
        assertThat(check.get("result").asText()).isEqualTo("MATCH");
        assertThat(check.get("authorityId").asText()).isEqualTo("stadt-hagen");
        String caseId = check.get("caseId").asText();

        // Hagen's clerk sees it with the structured data and the register result; Dortmund's does not.
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(hagenClerk)
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(caseId));
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(hagenClerk)
                .get("/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo(reference))
                .body("data.bankverbindung.kontoinhaber", equalTo("Erika Mustermann"))
                .body("registryChecks[0].result", equalTo("MATCH"));
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(dortmundClerk)
                .queryParam("limit", 200)
                .get("/cases")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(caseId)));
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(dortmundClerk)
                .get("/cases/" + caseId)
                .then()
                .statusCode(404);

        // The citizen sees that her case was opened.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(Platform.url(Platform.APPLICATION))
                        .auth()
                        .oauth2(citizen)
                        .get("/applications/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("RECEIVED"))
                        .body("timeline.event", hasItem("CaseOpened")));
    }

    static IntStream servicePorts() {
        return IntStream.of(Platform.IDENTITY, Platform.CATALOG, Platform.APPLICATION, Platform.CASE);
    }

    @ParameterizedTest
    @MethodSource("servicePorts")
    void everyServiceReportsHealthMetricsAndItsApi(int port) {
        given().baseUri(Platform.url(port))
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(Platform.url(port))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(Platform.url(port))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().baseUri(Platform.url(port))
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("openapi"));
    }

    @Test
    void anUnknownPathIsAProblemNotAStackTrace() {
        given().baseUri(Platform.url(Platform.CATALOG))
                .get("/services/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    private static void saveData(String token, String id, Map<String, Object> data) {
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(data)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
    }

    private static String token(String username, String password) {
        return Journeys.token(username, password);
    }

    private static Map<String, Object> completeWohngeld() {
        return Journeys.completeWohngeld();
    }
}
