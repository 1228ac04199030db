package org.amtsweg.cases.handover;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An authority's administrator registers how its procedure takes cases over; audited; refused field by field. */
@QuarkusTest
class HandoverRegistrationTest {

    @Test
    void anAdministratorRegistersPushReadsItBackAndEveryChangeIsAudited() throws Exception {
        String authority = "stadt-witten-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.staff("admin.witten", authority, "admin");
        RSAKey encryption = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.ENCRYPTION)
                .keyID("witten-enc")
                .generate();
        var signing = new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .keyID("witten-sig")
                .generate();
        Map<String, Object> push = Map.of(
                "mode",
                "push",
                "endpoint",
                "https://fachverfahren.witten.example/eingang",
                "encryptionKey",
                encryption.toPublicJWK().toJSONObject(),
                "signingKey",
                signing.toPublicJWK().toJSONObject());

        given().auth()
                .oauth2(admin)
                .get("/handover/registrations/" + authority)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(push)
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(201)
                .body("mode", equalTo("push"))
                .body("encryptionKey.n", equalTo(encryption.getModulus().toString()))
                .body("encryptionKey.d", nullValue())
                .body("updatedBy", equalTo("admin.witten"));
        given().auth()
                .oauth2(admin)
                .get("/handover/registrations/" + authority)
                .then()
                .statusCode(200)
                .body("endpoint", equalTo("https://fachverfahren.witten.example/eingang"))
                .body("signingKey.crv", equalTo("P-256"));

        // Back to the pull feed: the change names what it was before.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "pull"))
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(200)
                .body("mode", equalTo("pull"))
                .body("endpoint", nullValue());

        List<ConsumerRecord<String, String>> changes =
                CaseFixture.KAFKA.recordsWithKey("administration", authority, 2, Duration.ofSeconds(20));
        assertThat(changes).hasSize(2);
        for (ConsumerRecord<String, String> record : changes) {
            assertThat(EventContracts.violations(AdministrativeChange.TYPE, record.value()))
                    .isEmpty();
        }
        JsonNode created = CaseFixture.JSON.readTree(changes.get(0).value());
        assertThat(created.get("action").asText()).isEqualTo("created");
        assertThat(created.get("service").asText()).isEqualTo("case-service");
        assertThat(created.get("entity").asText()).isEqualTo("handover");
        assertThat(created.get("actor").asText()).isEqualTo("admin.witten");
        assertThat(created.get("before").isNull()).isTrue();
        assertThat(created.at("/after/mode").asText()).isEqualTo("push");
        JsonNode updated = CaseFixture.JSON.readTree(changes.get(1).value());
        assertThat(updated.get("action").asText()).isEqualTo("updated");
        assertThat(updated.at("/before/endpoint").asText()).isEqualTo("https://fachverfahren.witten.example/eingang");
        assertThat(updated.at("/after/mode").asText()).isEqualTo("pull");
    }

    @Test
    void onlyTheAuthoritysAdministratorsAndTheOperatorMayRegister() {
        String authority = "stadt-witten-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> pull = Map.of("mode", "pull");
        given().auth()
                .oauth2(TestTokens.staff("admin.dortmund", "stadt-dortmund", "admin"))
                .contentType(ContentType.JSON)
                .body(pull)
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.staff("admin.dortmund", "stadt-dortmund", "admin"))
                .get("/handover/registrations/" + authority)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.staff("clerk.witten", authority, "clerk"))
                .contentType(ContentType.JSON)
                .body(pull)
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.procedure(authority))
                .get("/handover/registrations/" + authority)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(pull)
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff("betrieb", "amtsweg", "admin"))
                .get("/handover/registrations/Stadt Witten")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("authority"));
        given().auth()
                .oauth2(TestTokens.staff("betrieb", "amtsweg", "admin"))
                .contentType(ContentType.JSON)
                .body(pull)
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(201)
                .body("updatedBy", equalTo("betrieb"));
        // The platform's public key is for everyone: receivers verify deliveries with it.
        RestAssured.get("/handover/jwks")
                .then()
                .statusCode(200)
                .body("keys[0].kty", equalTo("EC"))
                .body("keys[0].d", nullValue());
    }

    @Test
    void aRegistrationWithBadValuesIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        String authority = "stadt-witten-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.staff("admin.witten", authority, "admin");
        RSAKey weak = new RSAKeyGenerator(1024, true).keyUse(KeyUse.ENCRYPTION).generate();
        RSAKey privateKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate();
        Map<String, Object> body = new HashMap<>();
        body.put("mode", "push");
        body.put("endpoint", "ftp://fachverfahren.witten.example/eingang");
        body.put("encryptionKey", weak.toPublicJWK().toJSONObject());
        body.put("signingKey", privateKey.toJSONObject());
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.pointer", containsInAnyOrder("/endpoint", "/encryptionKey/kty", "/signingKey"));

        RSAKey forSigning = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "mode",
                        "push",
                        "encryptionKey",
                        forSigning.toPublicJWK().toJSONObject(),
                        "signingKey",
                        Map.of("kty", "RSA")))
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(422)
                .body("violations.pointer", containsInAnyOrder("/endpoint", "/encryptionKey/use", "/signingKey"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "fax", "endpoint", "https://x.example/"))
                .put("/handover/registrations/" + authority)
                .then()
                .statusCode(422)
                .body("violations.pointer", containsInAnyOrder("/mode", "/endpoint"));
        given().auth()
                .oauth2(admin)
                .get("/handover/registrations/" + authority)
                .then()
                .statusCode(404);
    }

    @Test
    void aCaseNotTakenOverWithinThePeriodIsFlaggedToTheOperator() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "APPROVED",
                        "reasoning",
                        "Die Voraussetzungen liegen vor.",
                        "noticeText",
                        "Wohngeld wird bewilligt."))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(201);
        String operator = TestTokens.staff("betrieb", "amtsweg", "admin");
        // The test profile's takeover period is three seconds (P14D by default).
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().auth()
                        .oauth2(operator)
                        .queryParam("limit", 1000)
                        .get("/handover/overdue")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("caseId")
                        .contains(caseId));
        given().auth()
                .oauth2(TestTokens.staff("admin.hagen", "stadt-hagen", "admin"))
                .queryParam("limit", 1000)
                .get("/handover/overdue")
                .then()
                .body("find { it.caseId == '" + caseId + "' }.authority", equalTo("stadt-hagen"));
        given().auth()
                .oauth2(TestTokens.staff("admin.dortmund", "stadt-dortmund", "admin"))
                .queryParam("limit", 1000)
                .get("/handover/overdue")
                .then()
                .body("caseId", not(hasItem(caseId)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RestAssured.get("/q/metrics")
                        .asString()
                        .matches("(?s).*amtsweg_handover_overdue_cases(\\{[^}]*})? [1-9].*"));
        // Taken over, it is no longer overdue.
        given().auth()
                .oauth2(TestTokens.procedure("stadt-hagen"))
                .post("/cases/" + caseId + "/handover")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(operator)
                .queryParam("limit", 1000)
                .get("/handover/overdue")
                .then()
                .body("caseId", not(hasItem(caseId)));
    }
}
