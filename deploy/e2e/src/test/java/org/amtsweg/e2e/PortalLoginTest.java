package org.amtsweg.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.http.client.utils.URLEncodedUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The citizen portal's way in: the code flow with PKCE through the gateway's login page, and the
 * resulting token accepted by application-service through its ordinary quarkus-oidc configuration.
 */
@ExtendWith(RunningPlatform.class)
class PortalLoginTest {

    private static final String CALLBACK = "http://127.0.0.1:3000/callback";

    @Test
    void aTokenFromTheLoginPageOpensADraftAtTheResponsibleAuthority() throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Response page = given().baseUri(Platform.url(Platform.IDENTITY)).redirects().follow(false)
                .queryParams(Map.of("response_type", "code", "client_id", "citizen-portal", "redirect_uri", CALLBACK,
                        "scope", "openid profile address", "state", "s1", "nonce", "n1", "code_challenge", challenge,
                        "code_challenge_method", "S256", "acr_values", "substantial"))
                .get("/authorize");
        page.then().statusCode(200);
        String form = "**.find { it.name() == 'form' && it.input.find { i -> i.@name == 'method' }.@value == 'eid' }";
        // As a browser does: the login page's cookie goes back with the form (it binds the login to this browser).
        Response redirect = given().baseUri(Platform.url(Platform.IDENTITY)).redirects().follow(false)
                .cookies(page.getCookies())
                .formParams(Map.of(
                        "request", page.htmlPath().getString(form + ".input.find { it.@name == 'request' }.@value"),
                        "csrf", page.htmlPath().getString(form + ".input.find { it.@name == 'csrf' }.@value"),
                        "method", "eid", "username", "max", "password", "123456"))
                .post("/authorize/login");
        redirect.then().statusCode(303);
        String code = URLEncodedUtils.parse(URI.create(redirect.getHeader("Location")), StandardCharsets.UTF_8).stream()
                .filter(pair -> pair.getName().equals("code")).findFirst().orElseThrow().getValue();
        String token = given().baseUri(Platform.url(Platform.IDENTITY))
                .formParams(Map.of("grant_type", "authorization_code", "client_id", "citizen-portal", "code", code,
                        "redirect_uri", CALLBACK, "code_verifier", verifier))
                .post("/token")
                .then().statusCode(200).extract().path("access_token");

        // Max lives in Dortmund: his Wohngeld goes to Stadt Dortmund, prefilled from his eID.
        given().baseUri(Platform.url(Platform.APPLICATION)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then().statusCode(201)
                .body("authority.id", equalTo("stadt-dortmund"))
                .body("data.antragsteller.vorname", equalTo("Max"));
    }
}
