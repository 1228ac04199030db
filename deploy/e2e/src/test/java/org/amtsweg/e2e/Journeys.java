package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.http.client.utils.URLEncodedUtils;

/** Steps every journey takes: logging in, a complete Wohngeld application, finding its case. */
final class Journeys {

    private static final String CALLBACK = "http://127.0.0.1:3000/callback";
    private static final String CLERK_CALLBACK = "http://127.0.0.1:3001/callback";

    /** A minimal one-page PDF (intake reads every PDF it stores), standing in for the landlord's rent certificate. */
    static final String RENT_CERTIFICATE =
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                    + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    private Journeys() {}

    /** A token by the gateway's script shortcut (enabled in the platform's local profile only). */
    static String token(String username, String password) {
        return given().baseUri(Platform.url(Platform.IDENTITY))
                .formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        username,
                        "password",
                        password))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The code flow with PKCE through the gateway's login page with the eID, as the citizen portal runs it; the token response. */
    static JsonPath portalLogin(String username, String password) throws Exception {
        return codeFlow("citizen-portal", CALLBACK, "openid profile address", "substantial", "eid", username, password);
    }

    /**
     * A member of staff's login through the gateway's login page with her password, as the clerk workspace runs it: a
     * real login session, which her deactivation ends (the script shortcut opens none). The access token.
     */
    static String staffLogin(String username, String password) throws Exception {
        return codeFlow("clerk-ui", CLERK_CALLBACK, "openid profile", "low", "password", username, password)
                .getString("access_token");
    }

    private static JsonPath codeFlow(
            String client, String callback, String scope, String acr, String method, String username, String password)
            throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Response page = given().baseUri(Platform.url(Platform.IDENTITY))
                .redirects()
                .follow(false)
                .queryParams(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        client,
                        "redirect_uri",
                        callback,
                        "scope",
                        scope,
                        "state",
                        "s1",
                        "nonce",
                        "n1",
                        "code_challenge",
                        challenge,
                        "code_challenge_method",
                        "S256",
                        "acr_values",
                        acr))
                .get("/authorize");
        page.then().statusCode(200);
        String form = "**.find { it.name() == 'form' && it.input.find { i -> i.@name == 'method' }.@value == '" + method
                + "' }";
        // As a browser does: the login page's cookie goes back with the form (it binds the login to this browser).
        Response redirect = given().baseUri(Platform.url(Platform.IDENTITY))
                .redirects()
                .follow(false)
                .cookies(page.getCookies())
                .formParams(Map.of(
                        "request",
                        page.htmlPath().getString(form + ".input.find { it.@name == 'request' }.@value"),
                        "csrf",
                        page.htmlPath().getString(form + ".input.find { it.@name == 'csrf' }.@value"),
                        "method",
                        method,
                        "username",
                        username,
                        "password",
                        password))
                .post("/authorize/login");
        redirect.then().statusCode(303);
        String code = URLEncodedUtils.parse(URI.create(redirect.getHeader("Location")), StandardCharsets.UTF_8).stream()
                .filter(pair -> pair.getName().equals("code"))
                .findFirst()
                .orElseThrow()
                .getValue();
        return given().baseUri(Platform.url(Platform.IDENTITY))
                .formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        client,
                        "code",
                        code,
                        "redirect_uri",
                        callback,
                        "code_verifier",
                        verifier))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Drafts, fills, documents and submits a Wohngeld application; returns its id. */
    static String submittedWohngeld(String citizen) {
        String id = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .contentType(ContentType.JSON)
                .body(completeWohngeld())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        uploadRentCertificate(citizen, id);
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200);
        return id;
    }

    static void uploadRentCertificate(String citizen, String id) {
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .multiPart("kind", "mietbescheinigung")
                .multiPart(
                        "file",
                        "mietbescheinigung.pdf",
                        RENT_CERTIFICATE.getBytes(StandardCharsets.US_ASCII),
                        "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
    }

    /** The case the application opened, as its clerk finds it in the inbox. */
    static String awaitCase(String clerk, String applicationId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().baseUri(Platform.url(Platform.CASE))
                                .auth()
                                .oauth2(clerk)
                                .queryParam("limit", 200)
                                .get("/cases")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items.find { it.applicationId == '" + applicationId + "' }.id"),
                        Objects::nonNull);
    }

    /** The clerk takes the case and approves it: Wohngeld granted. */
    static void approvedByClerk(String clerk, String caseId) {
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(clerk)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(clerk)
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
    }

    static Map<String, Object> completeWohngeld() {
        Map<String, Object> data = new HashMap<>();
        data.put(
                "antragsteller",
                Map.of(
                        "vorname",
                        "Erika",
                        "familienname",
                        "Mustermann",
                        "geburtsdatum",
                        "1964-08-12",
                        "anschrift",
                        Map.of("strasse_hausnummer", "Rathausstraße 11", "postleitzahl", "58095", "ort", "Hagen"),
                        "familienstand",
                        "verheiratet"));
        data.put(
                "wohnung",
                Map.of(
                        "einzugsdatum",
                        "2019-04-01",
                        "wohnflaeche_qm",
                        62.5,
                        "anzahl_raeume",
                        3,
                        "bruttokaltmiete_eur",
                        650.0,
                        "heizkosten_in_miete_enthalten",
                        true,
                        "vermieter",
                        Map.of(
                                "name",
                                "Hagener Wohnungsbau eG",
                                "anschrift",
                                Map.of(
                                        "strasse_hausnummer",
                                        "Bahnhofstraße 1",
                                        "postleitzahl",
                                        "58095",
                                        "ort",
                                        "Hagen"))));
        data.put("haushalt", Map.of("weitere_mitglieder", List.of()));
        data.put("einkommen", Map.of("arten", List.of("rente"), "monatliches_bruttoeinkommen_eur", 1450.0));
        data.put(
                "bankverbindung",
                new HashMap<>(Map.of("kontoinhaber", "Erika Mustermann", "iban", "DE02120300000000202051")));
        data.put("erklaerungen", Map.of("angaben_wahrheitsgemaess", true, "datenschutzhinweise_gelesen", true));
        return data;
    }
}
