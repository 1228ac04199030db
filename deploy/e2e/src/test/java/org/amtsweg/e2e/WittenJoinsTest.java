package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Einer für Alle, live: the operator connects Stadt Witten (AGS 05954036) to the running platform through its APIs
 * alone — catalogue entry with branding, area and availability; Witten's identity management provisions its staff
 * over SCIM and registers its specialist procedure's client; Witten's administrator registers push handover with the
 * procedure's keys. Without a restart, a citizen of Witten applies and sees Witten, Witten's clerk decides, and the
 * decided case reaches the procedure encrypted to its key and signed by the platform; the procedure acknowledges
 * with a signed SET. Hagen's and Dortmund's clerks never see the case. Offboarding leaves it readable.
 */
@ExtendWith(RunningPlatform.class)
class WittenJoinsTest {

    private static final String WITTEN = "05954036";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCIM = "application/scim+json";
    private static final String PASSWORD = "Witten-Rathaus-2026!";
    private static final String LOGO =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" role=\"img\" aria-label=\"Stadt Witten\">"
                    + "<path d=\"M8 6h48v26c0 14-11 22-24 26C19 54 8 46 8 32z\" fill=\"#006a4e\"/></svg>";

    @Test
    void wittenJoinsServesItsCitizenAndTakesTheDecidedCaseOverEncryptedAndSigned() throws Exception {
        String operator = Journeys.token("admin", "Amtsweg-Admin-2026");
        connectInTheCatalogue(operator);

        // Witten's identity management provisions a clerk and an administrator; each sets her password by her link.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String clerkName = "clerk." + run + "@witten";
        String adminName = "admin." + run + "@witten";
        String clerkId = provisioned("scim-stadt-witten", "local-scim-witten-secret", clerkName, "stadt-witten/clerk");
        // An authority's administrator is appointed by the operator (its own identity management may hand out clerk and
        // supervisor only).
        provisioned("scim-operator", "local-scim-operator-secret", adminName, "stadt-witten/admin");
        String procedureId = "procedure-stadt-witten-" + run;
        Response client = scim("scim-stadt-witten", "local-scim-witten-secret")
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(Map.of("clientId", procedureId))
                .post("/admin/clients");
        client.then().statusCode(201);
        String procedureSecret = client.path("clientSecret");

        // Witten's administrator registers push handover with the procedure's public keys.
        try (ProcedureEndpoint procedure = new ProcedureEndpoint()) {
            String wittenAdmin = Journeys.token(adminName, PASSWORD);
            given().baseUri(Platform.url(Platform.CASE))
                    .auth()
                    .oauth2(wittenAdmin)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "mode",
                            "push",
                            "endpoint",
                            procedure.url(),
                            "encryptionKey",
                            procedure.encryptionKey.toPublicJWK().toJSONObject(),
                            "signingKey",
                            procedure.signingKey.toPublicJWK().toJSONObject()))
                    .put("/handover/registrations/stadt-witten")
                    .then()
                    .statusCode(anyOf(equalTo(201), equalTo(200)))
                    .body("mode", equalTo("push"));

            // The citizen of Witten: Witten's name line on the portal's page of the service, from the feed's deep link.
            String deepLink = given().baseUri(Platform.url(Platform.CATALOG))
                    .get("/feed/services/wohngeld")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("offers.find { it.authority == 'stadt-witten' }.onlineService[0].url");
            assertThat(deepLink).endsWith("/antrag/wohngeld?ags=" + WITTEN);
            try (Chromium anna = new Chromium("buergerin-witten")) {
                anna.open(Platform.url(Platform.PORTAL) + "/antrag/wohngeld?ags=" + WITTEN);
                assertThat(anna.find(".marke-name").getText()).isEqualTo("Stadt Witten");
                assertThat(anna.text()).contains("Für Ihren Wohnort ist Stadt Witten zuständig");
                anna.record("leistung-witten");
            }

            // She applies; the application goes to Witten, numbered in Witten's sequence.
            JsonNode usageBefore = wittensWohngeldUsage(wittenAdmin);
            String citizen = Journeys.token("anna", "123456");
            String id = given().baseUri(Platform.url(Platform.APPLICATION))
                    .auth()
                    .oauth2(citizen)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "wohngeld"))
                    .post("/applications")
                    .then()
                    .statusCode(201)
                    .body("authority.id", equalTo("stadt-witten"))
                    .body("authority.name", equalTo("Stadt Witten"))
                    .extract()
                    .path("id");
            given().baseUri(Platform.url(Platform.APPLICATION))
                    .auth()
                    .oauth2(citizen)
                    .contentType(ContentType.JSON)
                    .body(annasWohngeld())
                    .put("/applications/" + id + "/data")
                    .then()
                    .statusCode(200);
            Journeys.uploadRentCertificate(citizen, id);
            given().baseUri(Platform.url(Platform.APPLICATION))
                    .auth()
                    .oauth2(citizen)
                    .post("/applications/" + id + "/submit")
                    .then()
                    .statusCode(200)
                    .body("referenceNumber", startsWith("WIT-"));

            // Witten's share of the operation counts her draft, her document, her application and its case, exactly
            // once.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode usage = wittensWohngeldUsage(wittenAdmin);
                for (String figure :
                        List.of("draftsStarted", "documentsStored", "applicationsSubmitted", "casesOpened")) {
                    assertThat(usage.path(figure).asLong()
                                    - usageBefore.path(figure).asLong())
                            .as(figure)
                            .isEqualTo(1);
                }
            });

            // Witten's clerk works it; Hagen's and Dortmund's never see it.
            // Her login through the gateway's login page opens a session, which her deactivation ends below.
            String clerk = Journeys.staffLogin(clerkName, PASSWORD);
            String caseId = Journeys.awaitCase(clerk, id);
            for (String stranger : List.of(
                    Journeys.token("clerk.hagen", "Hagen-Demo-2026"),
                    Journeys.token("clerk.dortmund", "Dortmund-Demo-2026"))) {
                given().baseUri(Platform.url(Platform.CASE))
                        .auth()
                        .oauth2(stranger)
                        .get("/cases/" + caseId)
                        .then()
                        .statusCode(404);
            }
            Journeys.approvedByClerk(clerk, caseId);

            // The procedure receives the decided case: signed by the platform, readable only with its private key.
            ProcedureEndpoint.Delivery delivery = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> procedure.deliveries.stream()
                                    .filter(d -> new String(d.body(), StandardCharsets.UTF_8).contains(caseId))
                                    .findFirst()
                                    .orElse(null),
                            Objects::nonNull);
            JWKSet platformKeys = JWKSet.parse(given().baseUri(Platform.url(Platform.CASE))
                    .get("/handover/jwks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            JWSObject signature = JWSObject.parse(
                    delivery.header("Amtsweg-Signature"),
                    new Payload(new String(delivery.body(), StandardCharsets.UTF_8)));
            assertThat(signature.verify(new ECDSAVerifier((ECKey)
                            platformKeys.getKeyByKeyId(signature.getHeader().getKeyID()))))
                    .isTrue();
            JsonNode body = JSON.readTree(delivery.body());
            assertThat(body.toString()).doesNotContain("Schmitz").doesNotContain("DE02120300000000202051");
            JWEObject export = JWEObject.parse(body.get("export").asText());
            export.decrypt(new RSADecrypter(procedure.encryptionKey));
            JsonNode exported = JSON.readTree(export.getPayload().toString());
            assertThat(exported.at("/applicant/familyName").asText()).isEqualTo("Schmitz");
            assertThat(exported.at("/data/bankverbindung/iban").asText()).isEqualTo("DE02120300000000202051");
            JWEObject attachment =
                    JWEObject.parse(body.at("/attachments/0/content").asText());
            attachment.decrypt(new RSADecrypter(procedure.encryptionKey));
            assertThat(new String(attachment.getPayload().toBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo(Journeys.RENT_CERTIFICATE);

            // It acknowledges with a SET signed by its registered key: the case is handed over, the log proves both
            // sides.
            String procedureToken = given().baseUri(Platform.url(Platform.IDENTITY))
                    .auth()
                    .preemptive()
                    .basic(procedureId, procedureSecret)
                    .formParam("grant_type", "client_credentials")
                    .post("/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            given().baseUri(Platform.url(Platform.CASE))
                    .auth()
                    .oauth2(procedureToken)
                    .contentType("application/secevent+jwt")
                    .body(acknowledgement(procedure, caseId).getBytes(StandardCharsets.UTF_8))
                    .post("/handover/events")
                    .then()
                    .statusCode(202);
            given().baseUri(Platform.url(Platform.CASE))
                    .auth()
                    .oauth2(clerk)
                    .get("/cases/" + caseId)
                    .then()
                    .body("status", equalTo("HANDED_OVER"));
            List<String> log = given().baseUri(Platform.url(Platform.CASE))
                    .auth()
                    .oauth2(procedureToken)
                    .get("/cases/" + caseId + "/handover/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("event");
            assertThat(log).containsExactly("delivered", "accepted");

            // Offboarding: the availability is withdrawn and the clerk deactivated — her token stops working at once,
            // while the case stays readable for Witten's archive.
            given().baseUri(Platform.url(Platform.CATALOG))
                    .auth()
                    .oauth2(operator)
                    .contentType(ContentType.JSON)
                    .body(Map.of("state", "offline", "note", "Angebot beendet"))
                    .put("/authorities/stadt-witten/availability/wohngeld")
                    .then()
                    .statusCode(204);
            scim("scim-stadt-witten", "local-scim-witten-secret")
                    .body("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], "
                            + "\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]}")
                    .patch("/scim/v2/Users/" + clerkId)
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().baseUri(Platform.url(Platform.CASE))
                            .auth()
                            .oauth2(clerk)
                            .get("/cases/" + caseId)
                            .then()
                            .statusCode(401));
            given().baseUri(Platform.url(Platform.CASE))
                    .auth()
                    .oauth2(procedureToken)
                    .accept(ContentType.JSON)
                    .get("/cases/" + caseId + "/export")
                    .then()
                    .statusCode(200)
                    .body("referenceNumber", startsWith("WIT-"));
        }
    }

    /** The operator's administrator enters Witten in the catalogue: its place, the authority, responsibility, availability. */
    private static void connectInTheCatalogue(String operator) {
        RequestSpecification catalog = given().baseUri(Platform.url(Platform.CATALOG))
                .auth()
                .oauth2(operator)
                .contentType(ContentType.JSON);
        catalog.body(Map.of("name", "Witten", "postalCodes", List.of("58452", "58453", "58454", "58455", "58456")))
                .put("/places/" + WITTEN)
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200)));
        Map<String, Object> authority = new HashMap<>(Map.of(
                "id",
                "stadt-witten",
                "name",
                "Stadt Witten",
                "kind",
                "Kreisangehörige Stadt",
                "agsCodes",
                List.of(WITTEN),
                "referencePrefix",
                "WIT",
                "postalCode",
                "58452",
                "locality",
                "Witten",
                "primaryColor",
                "#006a4e",
                "secondaryColor",
                "#e6f2ee",
                "nameLine",
                "Stadt Witten – Der Bürgermeister"));
        authority.put("logoSvg", LOGO);
        given().baseUri(Platform.url(Platform.CATALOG))
                .auth()
                .oauth2(operator)
                .contentType(ContentType.JSON)
                .body(authority)
                .put("/authorities/stadt-witten")
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200)));
        given().baseUri(Platform.url(Platform.CATALOG))
                .auth()
                .oauth2(operator)
                .contentType(ContentType.JSON)
                .body(Map.of("authorityId", "stadt-witten"))
                .put("/responsibility/wohngeld/" + WITTEN)
                .then()
                .statusCode(204);
        given().baseUri(Platform.url(Platform.CATALOG))
                .auth()
                .oauth2(operator)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "online", "since", "2026-12-01", "localTitle", "Wohngeld beantragen in Witten"))
                .put("/authorities/stadt-witten/availability/wohngeld")
                .then()
                .statusCode(204);
    }

    /** The usage figures of Witten's Wohngeld this month, as Witten's administrator reads them (she sees only Witten). */
    private static JsonNode wittensWohngeldUsage(String wittenAdmin) throws Exception {
        String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
        JsonNode report = JSON.readTree(given().baseUri(Platform.url(Platform.USAGE))
                .auth()
                .oauth2(wittenAdmin)
                .accept(ContentType.JSON)
                .queryParam("month", month)
                .get("/usage")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(report.path("authorities").findValuesAsText("authorityId")).allMatch("stadt-witten"::equals);
        for (JsonNode authority : report.path("authorities")) {
            for (JsonNode service : authority.path("services")) {
                if (service.path("serviceKey").asText().equals("wohngeld")) {
                    return service.path("figures");
                }
            }
        }
        return JSON.createObjectNode();
    }

    /** A SCIM client: Witten's identity management (bound to Witten) or the operator's. */
    private static RequestSpecification scim(String clientId, String secret) {
        String token = given().baseUri(Platform.url(Platform.IDENTITY))
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return given().baseUri(Platform.url(Platform.IDENTITY))
                .auth()
                .oauth2(token)
                .contentType(SCIM + "; charset=UTF-8")
                .accept(SCIM);
    }

    /** A member of Witten's staff, provisioned over SCIM into the group, who set her password through her activation link; her SCIM id. */
    private static String provisioned(String scimClient, String secret, String userName, String group) {
        Response created =
                scim(scimClient, secret).body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName": "%s", "name": {"givenName": "Clara", "familyName": "Klein"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"organization": "stadt-witten"}}""".formatted(userName)).post("/scim/v2/Users");
        created.then().statusCode(201);
        String userId = created.path("id");
        Response found = scim(scimClient, secret)
                .queryParam("filter", "displayName eq \"" + group + "\"")
                .get("/scim/v2/Groups");
        String groupId = found.<Integer>path("totalResults") > 0
                ? found.path("Resources[0].id")
                : scim(scimClient, secret)
                        .body("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \""
                                + group + "\"}")
                        .post("/scim/v2/Groups")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        scim(scimClient, secret)
                .body(
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\": \"add\", \"path\": \"members\", "
                                + "\"value\": [{\"value\": \"" + userId + "\"}]}]}")
                .patch("/scim/v2/Groups/" + groupId)
                .then()
                .statusCode(200);

        String link = created.path("'urn:amtsweg:params:scim:schemas:extension:activation:2.0:User'.activationUrl");
        String path = link.substring(link.indexOf("/activate"));
        Response page = given().baseUri(Platform.url(Platform.IDENTITY)).get(path);
        page.then().statusCode(200);
        given().baseUri(Platform.url(Platform.IDENTITY))
                .cookies(page.getCookies())
                .formParams(Map.of(
                        "token",
                        page.htmlPath().getString("**.find { it.@name == 'token' }.@value"),
                        "csrf",
                        page.htmlPath().getString("**.find { it.@name == 'csrf' }.@value"),
                        "password",
                        PASSWORD,
                        "confirmation",
                        PASSWORD))
                .post("/activate")
                .then()
                .statusCode(200);
        return userId;
    }

    private static String acknowledgement(ProcedureEndpoint procedure, String caseId) throws Exception {
        SignedJWT set = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(procedure.signingKey.getKeyID())
                        .type(new JOSEObjectType("secevent+jwt"))
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer("stadt-witten")
                        .audience("urn:amtsweg:case-service")
                        .issueTime(new Date())
                        .jwtID(UUID.randomUUID().toString())
                        .claim(
                                "events",
                                Map.of("https://amtsweg.org/secevent/handover/accepted", Map.of("caseId", caseId)))
                        .build());
        set.sign(new RSASSASigner(procedure.signingKey));
        return set.serialize();
    }

    /** Anna Schmitz's Wohngeld data: her flat in Witten, her bank account. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> annasWohngeld() {
        Map<String, Object> data = Journeys.completeWohngeld();
        data.put(
                "antragsteller",
                Map.of(
                        "vorname",
                        "Anna",
                        "familienname",
                        "Schmitz",
                        "geburtsdatum",
                        "1988-02-29",
                        "anschrift",
                        Map.of("strasse_hausnummer", "Marktstraße 16", "postleitzahl", "58452", "ort", "Witten"),
                        "familienstand",
                        "ledig"));
        Map<String, Object> flat = new HashMap<>((Map<String, Object>) data.get("wohnung"));
        flat.put("einzugsdatum", "2021-09-01");
        flat.put(
                "vermieter",
                Map.of(
                        "name",
                        "Wittener Wohnstätten eG",
                        "anschrift",
                        Map.of("strasse_hausnummer", "Ruhrstraße 2", "postleitzahl", "58452", "ort", "Witten")));
        data.put("wohnung", flat);
        data.put(
                "bankverbindung",
                new HashMap<>(Map.of("kontoinhaber", "Anna Schmitz", "iban", "DE02120300000000202051")));
        return data;
    }
}
