package org.amtsweg.application.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service's trust level counts for everything done with an application, not only for opening and
 * submitting it: Erika opened her Wohngeld application (needs "substantial") with her eID; logged in
 * with username and password ("low") she may see that it exists, but neither read nor change it.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class TrustLevelTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE_APPLICATION = "5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10";
    private static final String EID = TestTokens.erika("high");
    private static final String PASSWORD = TestTokens.erika("low");

    @Test
    void aPasswordLoginCannotReadOrChangeADraftOpenedWithTheEid() {
        String id = draft();
        String attachment = given().auth()
                .oauth2(EID)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> otherIban = WohngeldApplication.complete();
        ((Map<String, Object>) otherIban.get("bankverbindung")).put("iban", "DE89 3704 0044 0532 0130 00");

        refused(given().auth().oauth2(PASSWORD).get("/applications/" + id));
        refused(given().auth()
                .oauth2(PASSWORD)
                .contentType(ContentType.JSON)
                .body(otherIban)
                .put("/applications/" + id + "/data"));
        refused(given().auth()
                .oauth2(PASSWORD)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "andere.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments"));
        refused(given().auth().oauth2(PASSWORD).get("/applications/" + id + "/attachments"));
        refused(given().auth().oauth2(PASSWORD).get("/applications/" + id + "/attachments/" + attachment));
        refused(given().auth().oauth2(PASSWORD).delete("/applications/" + id + "/attachments/" + attachment));
        refused(given().auth().oauth2(PASSWORD).post("/applications/" + id + "/submit"));

        // Nothing of it happened.
        given().auth()
                .oauth2(EID)
                .get("/applications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("data.bankverbindung.iban", equalTo("DE02 1203 0000 0000 2020 51"));
        given().auth()
                .oauth2(EID)
                .get("/applications/" + id + "/attachments")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        // The level the service demands is enough: an ELSTER-style certificate reaches "substantial".
        given().auth()
                .oauth2(TestTokens.erika("substantial"))
                .get("/applications/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void aPasswordLoginCannotReadTheReceiptTheNoticeOrTheMailboxContent() {
        String id = submitted();
        refused(given().auth().oauth2(PASSWORD).get("/applications/" + id + "/receipt"));
        refused(given().auth().oauth2(PASSWORD).post("/applications/" + id + "/submit"));

        KAFKA.publishCloudEvent(
                "cases",
                id,
                UUID.randomUUID().toString(),
                "DecisionIssued",
                "urn:amtsweg:case-service",
                id,
                EventContracts.example("DecisionIssued").replace(EXAMPLE_APPLICATION, id));
        String decision = "find { it.applicationId == '" + id + "' }";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(EID)
                        .get("/mailbox")
                        .then()
                        .body(decision + ".kind", equalTo("DECISION")));
        String messageId =
                given().auth().oauth2(EID).get("/mailbox").then().extract().path(decision + ".id");

        refused(given().auth().oauth2(PASSWORD).get("/mailbox/" + messageId));
        refused(given().auth().oauth2(PASSWORD).get("/mailbox/" + messageId + "/notice"));

        // The lists show that there is something, without what it says; a portal can offer the stronger login.
        given().auth()
                .oauth2(PASSWORD)
                .get("/mailbox")
                .then()
                .statusCode(200)
                .body(decision + ".withheld", equalTo(true))
                .body(decision + ".requiredTrustLevel", equalTo("substantial"))
                .body(decision + ".subject", notNullValue())
                .body(decision + ".body", nullValue())
                .body(decision + ".outcome", nullValue())
                .body(decision + ".reasoning", nullValue())
                // The refused read did not mark it read.
                .body(decision + ".readAt", nullValue());
        String application = "find { it.id == '" + id + "' }";
        given().auth()
                .oauth2(PASSWORD)
                .get("/applications")
                .then()
                .statusCode(200)
                .body(application + ".withheld", equalTo(true))
                .body(application + ".requiredTrustLevel", equalTo("substantial"))
                .body(application + ".status", equalTo("DECIDED"))
                .body(application + ".referenceNumber", notNullValue())
                .body(application + ".data", nullValue())
                .body(application + ".timeline", hasSize(0));
        given().auth()
                .oauth2(EID)
                .get("/applications")
                .then()
                .statusCode(200)
                .body(application + ".withheld", equalTo(false))
                .body(application + ".data.bankverbindung.iban", equalTo("DE02 1203 0000 0000 2020 51"));
        given().auth()
                .oauth2(EID)
                .get("/mailbox")
                .then()
                .statusCode(200)
                .body(decision + ".withheld", equalTo(false))
                .body(decision + ".outcome", equalTo("APPROVED"));
    }

    @Test
    void aPasswordLoginCannotAnswerAnInformationRequest() throws Exception {
        String id = submitted();
        ObjectNode request = (ObjectNode)
                JSON.readTree(EventContracts.example("InformationRequested").replace(EXAMPLE_APPLICATION, id));
        request.put("requestId", UUID.randomUUID().toString());
        request.putArray("fields").add("/bankverbindung/iban");
        request.putArray("documents");
        KAFKA.publishCloudEvent(
                "cases",
                id,
                UUID.randomUUID().toString(),
                "InformationRequested",
                "urn:amtsweg:case-service",
                id,
                JSON.writeValueAsString(request));
        String asked = "find { it.applicationId == '" + id + "' }";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(EID)
                        .get("/mailbox")
                        .then()
                        .body(asked + ".kind", equalTo("INFORMATION_REQUEST")));
        String messageId =
                given().auth().oauth2(EID).get("/mailbox").then().extract().path(asked + ".id");

        Map<String, Object> otherIban = WohngeldApplication.complete();
        ((Map<String, Object>) otherIban.get("bankverbindung")).put("iban", "DE89 3704 0044 0532 0130 00");
        refused(given().auth()
                .oauth2(PASSWORD)
                .contentType(ContentType.JSON)
                .body(otherIban)
                .put("/applications/" + id + "/data"));
        refused(given().auth()
                .oauth2(PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Neue Bankverbindung"))
                .post("/mailbox/" + messageId + "/reply"));
        given().auth().oauth2(PASSWORD).get("/mailbox").then().body(asked + ".fields", equalTo(List.of()));

        given().auth()
                .oauth2(EID)
                .get("/applications/" + id)
                .then()
                .body("status", equalTo("INFORMATION_REQUESTED"))
                .body("data.bankverbindung.iban", equalTo("DE02 1203 0000 0000 2020 51"));
        // With the eID the same answer goes through.
        given().auth()
                .oauth2(EID)
                .contentType(ContentType.JSON)
                .body(otherIban)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(EID)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Neue Bankverbindung"))
                .post("/mailbox/" + messageId + "/reply")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUPPLEMENTED"));
    }

    @Test
    void anotherCitizenStillSeesNothingNotEvenTheTrustLevel() {
        String id = draft();
        String max = TestTokens.citizen(
                "max-pseudonym",
                "Max",
                "Mustermann",
                "1978-03-02",
                "Friedensplatz 1",
                "44135",
                "Dortmund",
                "05913000",
                "low");
        given().auth().oauth2(max).get("/applications/" + id).then().statusCode(404);
    }

    private static void refused(Response response) {
        response.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/trust-level-too-low"))
                .body("requiredTrustLevel", equalTo("substantial"))
                .body("actualTrustLevel", equalTo("low"));
    }

    private static String draft() {
        String id = given().auth()
                .oauth2(EID)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(EID)
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        return id;
    }

    private static String submitted() {
        String id = draft();
        given().auth()
                .oauth2(EID)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(EID)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200);
        return id;
    }
}
