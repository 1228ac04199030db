package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization code flow with PKCE, driven through the login page as a browser would. */
@QuarkusTest
class CodeFlowTest {

    @Test
    void aCitizenLogsInWithHerEidCardAndThePortalGetsHerTokens() throws Exception {
        Browser browser = new Browser();
        Response page = browser.authorize(Map.of());
        page.then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("Online-Ausweis"))
                .body(containsString("lang=\"de\""));

        Response redirect = browser.login(page, "eid", "erika", "123456");
        redirect.then().statusCode(303);
        Map<String, String> callback = Browser.redirectParameters(redirect);
        assertThat(redirect.getHeader("Location")).startsWith(Browser.CALLBACK + "?");
        assertThat(callback).containsEntry("state", browser.state).containsEntry("iss", "http://127.0.0.1:8080");
        assertThat(redirect.getHeader("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");

        Response tokens = browser.exchange(callback.get("code"));
        tokens.then().statusCode(200).body("token_type", equalTo("Bearer"));
        var access = SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet();
        assertThat(access.getStringClaim("acr")).isEqualTo("high");
        assertThat(access.getStringClaim("sid")).isNotBlank();
        assertThat(access.getStringClaim("given_name")).isEqualTo("Erika");
        var id = SignedJWT.parse(tokens.path("id_token")).getJWTClaimsSet();
        assertThat(id.getStringClaim("nonce")).isEqualTo(browser.nonce);
        assertThat(id.getAudience()).containsExactly(Browser.PORTAL);
        assertThat(id.getSubject()).isEqualTo(access.getSubject());
        assertThat((String) tokens.path("refresh_token")).isNotBlank();

        given().auth()
                .oauth2(tokens.path("access_token"))
                .get("/userinfo")
                .then()
                .statusCode(200)
                .body("sub", equalTo(access.getSubject()))
                .body("family_name", equalTo("Mustermann"))
                .body("address.locality", equalTo("Hagen"))
                .body("nationality", nullValue());
    }

    @Test
    void aRunningSessionLogsInWithoutTheLoginPage() {
        Browser browser = new Browser();
        browser.loginWithEid("erika").then().statusCode(200);
        Response again = browser.authorize(Map.of());
        again.then().statusCode(303);
        assertThat(Browser.redirectParameters(again)).containsKey("code");
        // ... unless the client asks for a fresh login.
        browser.authorize(Map.of("prompt", "login")).then().statusCode(200);
    }

    @Test
    void plainPkceAndMissingPkceAreRefusedBackToTheClient() {
        Browser browser = new Browser();
        Response plain = browser.authorize(Map.of("code_challenge_method", "plain"));
        plain.then().statusCode(303);
        assertThat(Browser.redirectParameters(plain))
                .containsEntry("error", "invalid_request")
                .containsEntry("state", browser.state);
        Map<String, String> withoutChallenge = new HashMap<>();
        withoutChallenge.put("code_challenge", null);
        assertThat(Browser.redirectParameters(browser.authorize(withoutChallenge)))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() {
        Response response = new Browser().authorize(Map.of("redirect_uri", "https://evil.example/steal"));
        response.then().statusCode(400).header("Location", nullValue()).body(containsString("Rücksprungadresse"));
        new Browser()
                .authorize(Map.of("redirect_uri", Browser.CALLBACK + "/../other"))
                .then()
                .statusCode(400);
        new Browser()
                .authorize(Map.of("client_id", "unknown-app"))
                .then()
                .statusCode(400)
                .header("Location", nullValue());
    }

    @Test
    void aScopeWithoutOpenidOrBeyondTheClientIsRefused() {
        assertThat(Browser.redirectParameters(new Browser().authorize(Map.of("scope", "profile"))))
                .containsEntry("error", "invalid_scope");
        assertThat(Browser.redirectParameters(new Browser().authorize(Map.of("scope", "openid admin"))))
                .containsEntry("error", "invalid_scope");
    }

    @Test
    void aLoginBelowTheRequestedLevelIsRefusedBackToTheClient() {
        Browser browser = new Browser();
        Response page = browser.authorize(Map.of("acr_values", "high"));
        page.then().statusCode(200).body(containsString("mindestens das Vertrauensniveau"));
        Response redirect = browser.login(page, "elster", "erika", "123456");
        redirect.then().statusCode(303);
        assertThat(Browser.redirectParameters(redirect))
                .containsEntry("error", "unmet_authentication_requirements")
                .containsEntry("state", browser.state);
    }

    @Test
    void aForgedFormIsRefused() {
        Browser browser = new Browser();
        Response page = browser.authorize(Map.of());
        String request = page.htmlPath().getString("**.find { it.@name == 'request' }.@value");
        given().redirects()
                .follow(false)
                .formParams(Map.of(
                        "request",
                        request,
                        "csrf",
                        "forged",
                        "method",
                        "eid",
                        "username",
                        "erika",
                        "password",
                        "123456"))
                .post("/authorize/login")
                .then()
                .statusCode(403);
    }

    @Test
    void aWrongPinShowsTheLoginPageAgain() {
        Browser browser = new Browser();
        Response page = browser.authorize(Map.of());
        browser.login(page, "eid", "max", "999999").then().statusCode(401).body(containsString("nicht korrekt"));
    }

    @Test
    void aClerkLogsInWithUsernameAndPassword() throws Exception {
        Browser browser = new Browser();
        Response page = browser.authorize(Map.of(
                "client_id", "clerk-ui", "redirect_uri", "http://127.0.0.1:3001/callback", "scope", "openid profile"));
        Response redirect = browser.login(page, "password", "clerk.dortmund", "Dortmund-Demo-2026");
        Response tokens = given().formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        "clerk-ui",
                        "code",
                        Browser.redirectParameters(redirect).get("code"),
                        "redirect_uri",
                        "http://127.0.0.1:3001/callback",
                        "code_verifier",
                        browser.verifier))
                .post("/token");
        tokens.then().statusCode(200);
        var claims = SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("authority")).isEqualTo("stadt-dortmund");
        assertThat(claims.getAudience()).contains("case-service");
    }

    @Test
    void theCodeNeedsTheRightVerifierAndRedirectUri() {
        Browser browser = new Browser();
        Response redirect = browser.login(browser.authorize(Map.of()), "eid", "erika", "123456");
        String code = Browser.redirectParameters(redirect).get("code");
        given().formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        Browser.PORTAL,
                        "code",
                        code,
                        "redirect_uri",
                        Browser.CALLBACK,
                        "code_verifier",
                        new Browser().verifier))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }
}
