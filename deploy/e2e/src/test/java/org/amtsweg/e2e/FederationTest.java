package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.http.client.utils.URLEncodedUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delegated login: the platform's gateway sends the citizen to an upstream provider (a second gateway
 * instance, over real HTTP), takes over its verified identity and trust level, and issues its own
 * tokens, which the services accept as usual.
 */
@ExtendWith(RunningPlatform.class)
class FederationTest {

    private static final String CALLBACK = "http://127.0.0.1:3000/callback";

    @Test
    void aCitizenLogsInAtTheUpstreamProviderAndAppliesHere() throws Exception {
        try (UpstreamGateway ignored = UpstreamGateway.start()) {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            Response page = given().baseUri(Platform.url(Platform.IDENTITY))
                    .redirects()
                    .follow(false)
                    .queryParams(Map.of(
                            "response_type",
                            "code",
                            "client_id",
                            "citizen-portal",
                            "redirect_uri",
                            CALLBACK,
                            "scope",
                            "openid profile address",
                            "state",
                            "portal-state",
                            "nonce",
                            "portal-nonce",
                            "code_challenge",
                            challenge(verifier),
                            "code_challenge_method",
                            "S256",
                            "acr_values",
                            "substantial"))
                    .get("/authorize");
            page.then().statusCode(200);

            // "Weiter zu BundID": off to the upstream provider.
            // As a browser does, each gateway gets back the cookie its own login page set (it binds the login to
            // this browser): the platform's on the way out and on the callback, the upstream's on its login form.
            Response toUpstream = given().redirects()
                    .follow(false)
                    .cookies(page.getCookies())
                    .formParams(Map.of(
                            "request",
                            field(page, "/authorize/upstream", "request"),
                            "csrf",
                            field(page, "/authorize/upstream", "csrf")))
                    .post(Platform.url(Platform.IDENTITY) + "/authorize/upstream");
            toUpstream.then().statusCode(303);
            assertThat(toUpstream.getHeader("Location")).startsWith(Platform.url(Platform.UPSTREAM) + "/authorize?");

            // The upstream's own login page; Erika uses her eID card there. (Locations are followed as a browser
            // does, without encoding them a second time.)
            Response upstreamPage =
                    given().urlEncodingEnabled(false).redirects().follow(false).get(toUpstream.getHeader("Location"));
            upstreamPage.then().statusCode(200);
            String form =
                    "**.find { it.name() == 'form' && it.input.find { i -> i.@name == 'method' }.@value == 'eid' }";
            Response back = given().redirects()
                    .follow(false)
                    .cookies(upstreamPage.getCookies())
                    .formParams(Map.of(
                            "request",
                            upstreamPage.htmlPath().getString(form + ".input.find { it.@name == 'request' }.@value"),
                            "csrf",
                            upstreamPage.htmlPath().getString(form + ".input.find { it.@name == 'csrf' }.@value"),
                            "method",
                            "eid",
                            "username",
                            "erika",
                            "password",
                            "123456"))
                    .post(Platform.url(Platform.UPSTREAM) + "/authorize/login");
            back.then().statusCode(303);
            assertThat(back.getHeader("Location"))
                    .startsWith(Platform.url(Platform.IDENTITY) + "/authorize/upstream/callback?");

            // The platform's gateway verifies the upstream's answer and returns to the portal with its own code.
            Map<String, String> platformCookies = new HashMap<>(page.getCookies());
            platformCookies.putAll(toUpstream.getCookies());
            Response toPortal = given().urlEncodingEnabled(false)
                    .redirects()
                    .follow(false)
                    .cookies(platformCookies)
                    .get(back.getHeader("Location"));
            toPortal.then().statusCode(303);
            Map<String, String> callback = query(toPortal.getHeader("Location"));
            assertThat(callback).containsEntry("state", "portal-state").containsKey("code");

            String token = given().baseUri(Platform.url(Platform.IDENTITY))
                    .formParams(Map.of(
                            "grant_type",
                            "authorization_code",
                            "client_id",
                            "citizen-portal",
                            "code",
                            callback.get("code"),
                            "redirect_uri",
                            CALLBACK,
                            "code_verifier",
                            verifier))
                    .post("/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            var claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(Platform.url(Platform.IDENTITY));
            assertThat(claims.getStringClaim("acr")).isEqualTo("high");
            assertThat(claims.getStringClaim("municipality")).isEqualTo("05914000");

            given().baseUri(Platform.url(Platform.APPLICATION))
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "wohngeld"))
                    .post("/applications")
                    .then()
                    .statusCode(201)
                    .body("authority.id", equalTo("stadt-hagen"))
                    .body("data.antragsteller.familienname", equalTo("Mustermann"));
        }
    }

    private static String field(Response page, String action, String name) {
        return page.htmlPath()
                .getString("**.find { it.name() == 'form' && it.@action == '" + action
                        + "' }.input.find { it.@name == '" + name + "' }.@value");
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new HashMap<>();
        URLEncodedUtils.parse(URI.create(location), StandardCharsets.UTF_8)
                .forEach(pair -> params.put(pair.getName(), pair.getValue()));
        return params;
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
