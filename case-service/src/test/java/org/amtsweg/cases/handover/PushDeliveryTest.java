package org.amtsweg.cases.handover;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.TestTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hagen's procedure takes cases over by push: a receiver of its own (a real HTTP server with Hagen's key pairs)
 * gets each decided case encrypted to its key and signed by the platform, answers with signed SETs, and the
 * operator sees what did not arrive.
 */
@QuarkusTest
@WithTestResource(DocumentStore.class)
class PushDeliveryTest {

    private static final String HAGEN = "stadt-hagen";
    private static final String ADMIN = TestTokens.staff("admin.hagen", HAGEN, "admin");
    private static final String PROCEDURE = TestTokens.procedure(HAGEN);
    private static final String PLATFORM = "urn:amtsweg:case-service";

    /** What the receiver got, per case: each request's body and signature header. */
    record Received(String body, String signature) {}

    private static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    /** The status codes the receiver answers per case before it answers 200. */
    private static final Map<String, Deque<Integer>> ANSWERS = new ConcurrentHashMap<>();

    private static Vertx vertx;
    private static String endpoint;
    private static RSAKey encryptionKey;
    private static RSAKey signingKey;

    @BeforeAll
    static void receiver() throws Exception {
        encryptionKey = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.ENCRYPTION)
                .keyID("hagen-enc")
                .generate();
        signingKey = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .keyID("hagen-sig")
                .generate();
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    String text = body.toString(StandardCharsets.UTF_8);
                    String caseId = new JsonObject(text).getString("caseId");
                    RECEIVED.computeIfAbsent(caseId, id -> new CopyOnWriteArrayList<>())
                            .add(new Received(text, request.getHeader("Amtsweg-Signature")));
                    Deque<Integer> answers = ANSWERS.get(caseId);
                    Integer status = answers == null ? null : answers.poll();
                    request.response()
                            .setStatusCode(status == null ? 200 : status)
                            .end();
                }));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        endpoint = "http://127.0.0.1:" + server.actualPort() + "/fachverfahren/eingang";
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void aDecidedCaseArrivesEncryptedAndSignedAfterTwoRefusalsAndTheSignedAckHandsItOver() throws Exception {
        registerHagenForPush();
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        ANSWERS.put(caseId, new ArrayDeque<>(List.of(500, 500)));
        decide(caseId);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> RECEIVED.getOrDefault(caseId, List.of()).size() >= 3
                        && "DELIVERED".equals(deliveryState(caseId)));
        List<Received> received = RECEIVED.get(caseId);
        assertThat(received).hasSize(3);
        Received delivery = received.get(2);

        // The platform signed exactly this body, with a key of its published JWKS.
        JWKSet jwks = JWKSet.parse(RestAssured.get("/handover/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JWSObject signature = JWSObject.parse(delivery.signature(), new Payload(delivery.body()));
        ECKey platformKey = (ECKey) jwks.getKeyByKeyId(signature.getHeader().getKeyID());
        assertThat(platformKey.isPrivate()).isFalse();
        assertThat(signature.verify(new ECDSAVerifier(platformKey))).isTrue();
        assertThat(signature.getHeader().getCustomParam("aud")).isEqualTo(HAGEN);
        JWSObject tampered = JWSObject.parse(
                delivery.signature(),
                new Payload(delivery.body().replace(caseId, UUID.randomUUID().toString())));
        assertThat(tampered.verify(new ECDSAVerifier(platformKey))).isFalse();

        // Only Hagen's private key opens the export and the attachment.
        JsonNode body = CaseFixture.JSON.readTree(delivery.body());
        JWEObject export = JWEObject.parse(body.get("export").asText());
        assertThat(export.getHeader().getAlgorithm().getName()).isEqualTo("RSA-OAEP-256");
        assertThat(export.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
        export.decrypt(new RSADecrypter(encryptionKey));
        JsonNode exported = CaseFixture.JSON.readTree(export.getPayload().toString());
        assertThat(exported.get("caseId").asText()).isEqualTo(caseId);
        assertThat(exported.at("/data/bankverbindung/iban").asText()).isEqualTo("DE02120300000000202051");
        assertThat(exported.at("/decision/outcome").asText()).isEqualTo("APPROVED");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("id").asText()).isEqualTo("0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00");
        JWEObject content = JWEObject.parse(attachment.get("content").asText());
        content.decrypt(new RSADecrypter(encryptionKey));
        assertThat(content.getPayload().toBytes()).isEqualTo(DocumentStore.CONTENT);
        assertThat(content.getHeader().getContentType()).isEqualTo("application/pdf");
        assertThat(delivery.body()).doesNotContain("DE02120300000000202051");

        given().auth()
                .oauth2(ADMIN)
                .queryParam("state", "DELIVERED")
                .get("/handover/deliveries")
                .then()
                .statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.attempts", equalTo(3));

        // The procedure acknowledges with its signed SET: the case is handed over, the log holds both SETs.
        given().auth()
                .oauth2(PROCEDURE)
                .contentType("application/secevent+jwt")
                .body(bytes(answer(signingKey, caseId, "accepted", null)))
                .post("/handover/events")
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .get("/cases/" + caseId)
                .then()
                .body("status", equalTo("HANDED_OVER"));
        List<Map<String, String>> log = given().auth()
                .oauth2(PROCEDURE)
                .get("/cases/" + caseId + "/handover/events")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(log).extracting(entry -> entry.get("event")).containsExactly("delivered", "accepted");
        SignedJWT delivered = SignedJWT.parse(log.get(0).get("token"));
        assertThat(delivered.verify(new ECDSAVerifier(platformKey))).isTrue();
        assertThat(delivered.getHeader().getType().getType()).isEqualTo("secevent+jwt");
        assertThat(delivered.getJWTClaimsSet().getAudience()).containsExactly(HAGEN);
        assertThat(delivered.getJWTClaimsSet().getJSONObjectClaim("events"))
                .containsKey("https://amtsweg.org/secevent/handover/delivered");
        assertThat(log.get(1).get("issuer")).isEqualTo(HAGEN);
        given().auth()
                .oauth2(CaseFixture.DORTMUND_CLERK)
                .get("/cases/" + caseId + "/handover/events")
                .then()
                .statusCode(404);
    }

    @Test
    void aSetSignedWithAnotherKeyOrReplayedChangesNothing() throws Exception {
        registerHagenForPush();
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        decide(caseId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryState(caseId)));

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("hagen-sig").generate();
        given().auth()
                .oauth2(PROCEDURE)
                .contentType("application/secevent+jwt")
                .body(bytes(answer(stranger, caseId, "accepted", null)))
                .post("/handover/events")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/unverified-security-event"))
                .body("err", equalTo("authentication_failed"));
        // Dortmund's procedure cannot answer for Hagen, even with Hagen's key: the issuer is its own authority.
        given().auth()
                .oauth2(TestTokens.procedure("stadt-dortmund"))
                .contentType("application/secevent+jwt")
                .body(bytes(answer(signingKey, caseId, "accepted", null)))
                .post("/handover/events")
                .then()
                .statusCode(403)
                .body("err", equalTo("invalid_issuer"));
        given().auth()
                .oauth2(PROCEDURE)
                .contentType("application/secevent+jwt")
                .body(bytes("no.set"))
                .post("/handover/events")
                .then()
                .statusCode(400)
                .body("err", equalTo("invalid_request"));
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .get("/cases/" + caseId)
                .then()
                .body("status", equalTo("DECIDED"));

        // A rejection with its reason: the case stays decided, the clerk reads why, the operator sees the delivery
        // rejected.
        String rejection = answer(signingKey, caseId, "rejected", "Aktenzeichen im Fachverfahren bereits vergeben");
        given().auth()
                .oauth2(PROCEDURE)
                .contentType("application/secevent+jwt")
                .body(bytes(rejection))
                .post("/handover/events")
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(PROCEDURE)
                .contentType("application/secevent+jwt")
                .body(bytes(rejection))
                .post("/handover/events")
                .then()
                .statusCode(400)
                .body("err", equalTo("invalid_request"));
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .body(
                        "find { it.action == 'HANDOVER_REJECTED' }.detail",
                        equalTo("vom Fachverfahren abgelehnt: Aktenzeichen im Fachverfahren bereits vergeben"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("state", "REJECTED")
                .get("/handover/deliveries")
                .then()
                .statusCode(200)
                .body(
                        "find { it.caseId == '" + caseId + "' }.lastError",
                        equalTo("Aktenzeichen im Fachverfahren bereits vergeben"));
        given().auth()
                .oauth2(PROCEDURE)
                .get("/cases/" + caseId + "/handover/events")
                .then()
                .body("event", equalTo(List.of("delivered", "rejected")))
                .body("[1].reason", equalTo("Aktenzeichen im Fachverfahren bereits vergeben"));
    }

    @Test
    void aDeliveryThatNeverArrivesBecomesADeadLetterTheOperatorSees() {
        registerHagenForPush();
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        ANSWERS.put(caseId, new ArrayDeque<>(Collections.nCopies(1000, 503)));
        decide(caseId);

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(deliveryState(caseId)));
        assertThat(RECEIVED.get(caseId).size()).isGreaterThan(2);
        String operator = TestTokens.staff("betrieb", "amtsweg", "admin");
        given().auth()
                .oauth2(operator)
                .queryParam("state", "failed")
                .get("/handover/deliveries")
                .then()
                .statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.lastError", equalTo("the endpoint answered 503"));
        given().auth()
                .oauth2(TestTokens.staff("admin.dortmund", "stadt-dortmund", "admin"))
                .queryParam("state", "FAILED")
                .get("/handover/deliveries")
                .then()
                .statusCode(200)
                .body("caseId", not(hasItem(caseId)));
        given().auth()
                .oauth2(PROCEDURE)
                .get("/cases/" + caseId + "/handover/events")
                .then()
                .body("event", equalTo(List.of("delivery-failed")));
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .body("action", hasItem("HANDOVER_FAILED"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pattern.compile("amtsweg_handover_deliveries\\{[^}]*state=\"FAILED\"[^}]*} [1-9]")
                        .matcher(RestAssured.get("/q/metrics").asString())
                        .find());
        // The pull feed still offers the case: nothing is lost when push fails.
        given().auth().oauth2(PROCEDURE).get("/handover").then().body("caseId", hasItem(caseId));
    }

    private static void registerHagenForPush() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "mode",
                        "push",
                        "endpoint",
                        endpoint,
                        "encryptionKey",
                        encryptionKey.toPublicJWK().toJSONObject(),
                        "signingKey",
                        signingKey.toPublicJWK().toJSONObject()))
                .put("/handover/registrations/" + HAGEN)
                .then()
                .statusCode(Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    private static void decide(String caseId) {
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
    }

    private static String deliveryState(String caseId) {
        for (String state : List.of("PENDING", "DELIVERED", "FAILED", "REJECTED")) {
            List<String> ids = given().auth()
                    .oauth2(ADMIN)
                    .queryParam("state", state)
                    .get("/handover/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("caseId");
            if (ids.contains(caseId)) {
                return state;
            }
        }
        return null;
    }

    private static byte[] bytes(String set) {
        return set.getBytes(StandardCharsets.UTF_8);
    }

    /** The procedure's SET about a case, signed with {@code key}. */
    static String answer(RSAKey key, String caseId, String event, String reason) throws Exception {
        Map<String, Object> payload =
                reason == null ? Map.of("caseId", caseId) : Map.of("caseId", caseId, "reason", reason);
        SignedJWT set = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType("secevent+jwt"))
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(HAGEN)
                        .audience(PLATFORM)
                        .issueTime(new Date())
                        .jwtID(UUID.randomUUID().toString())
                        .claim("events", Map.of("https://amtsweg.org/secevent/handover/" + event, payload))
                        .build());
        set.sign(new RSASSASigner(key));
        return set.serialize();
    }
}
