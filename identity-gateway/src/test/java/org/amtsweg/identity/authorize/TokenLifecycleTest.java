package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** What happens to tokens after the login: refresh, replay, revocation, logout, key rotation. */
@QuarkusTest
class TokenLifecycleTest {

    private static final String SERVICE = "application-service";
    private static final String SERVICE_SECRET = "local-application-secret";

    @Test
    void aReusedCodeIsRefusedAndRevokesWhatItIssued() {
        Browser browser = new Browser();
        Response redirect = browser.login(browser.authorize(Map.of()), "eid", "erika", "123456");
        String code = Browser.redirectParameters(redirect).get("code");
        Response first = browser.exchange(code);
        first.then().statusCode(200);
        browser.exchange(code).then().statusCode(400).body("error", equalTo("invalid_grant"));

        introspect(first.path("access_token")).then().body("active", equalTo(false));
        refresh(first.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() {
        Response tokens = new Browser().loginWithEid("erika");
        String firstRefresh = tokens.path("refresh_token");
        Response refreshed = refresh(firstRefresh);
        refreshed.then().statusCode(200);
        String secondRefresh = refreshed.path("refresh_token");
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        introspect(refreshed.path("access_token"))
                .then()
                .body("active", equalTo(true))
                .body("acr", equalTo("high"));

        // Someone replays the spent token: the whole family dies, including the token the portal holds now.
        refresh(firstRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(secondRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        introspect(refreshed.path("access_token")).then().body("active", equalTo(false));
    }

    @Test
    void aRefreshMayNarrowButNotWidenTheScope() {
        Response tokens = new Browser().loginWithEid("erika");
        given().formParams(Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        Browser.PORTAL,
                        "refresh_token",
                        tokens.path("refresh_token"),
                        "scope",
                        "openid eid"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"));
    }

    @Test
    void revokingTheRefreshTokenEndsTheFamily() {
        Response tokens = new Browser().loginWithEid("erika");
        given().formParams(Map.of("token", tokens.path("refresh_token"), "client_id", Browser.PORTAL))
                .post("/revoke")
                .then()
                .statusCode(200);
        introspect(tokens.path("refresh_token")).then().body("active", equalTo(false));
        introspect(tokens.path("access_token")).then().body("active", equalTo(false));
        // Unknown tokens are answered the same way.
        given().formParams(Map.of("token", "no-such-token", "client_id", Browser.PORTAL))
                .post("/revoke")
                .then()
                .statusCode(200);
    }

    @Test
    void introspectionIsForConfidentialClientsOnly() {
        Response tokens = new Browser().loginWithEid("erika");
        given().formParams(Map.of("token", tokens.path("access_token"), "client_id", Browser.PORTAL))
                .post("/introspect")
                .then()
                .statusCode(400)
                .body("error", equalTo("unauthorized_client"));
        given().auth()
                .preemptive()
                .basic(SERVICE, "wrong")
                .formParam("token", "x")
                .post("/introspect")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void logoutEndsTheSessionAndReturnsOnlyToARegisteredAddress() {
        Browser browser = new Browser();
        Response tokens = browser.loginWithEid("erika");
        given().redirects()
                .follow(false)
                .queryParams(Map.of(
                        "id_token_hint", tokens.path("id_token"), "post_logout_redirect_uri", "https://evil.example/"))
                .get("/end-session")
                .then()
                .statusCode(400)
                .header("Location", Matchers.nullValue());

        Response logout = given().redirects()
                .follow(false)
                .queryParams(Map.of(
                        "id_token_hint",
                        tokens.path("id_token"),
                        "post_logout_redirect_uri",
                        "http://127.0.0.1:3000/",
                        "state",
                        "bye"))
                .get("/end-session");
        logout.then().statusCode(303);
        assertThat(logout.getHeader("Location")).isEqualTo("http://127.0.0.1:3000/?state=bye");
        refresh(tokens.path("refresh_token")).then().statusCode(400);
        introspect(tokens.path("access_token")).then().body("active", equalTo(false));
        // The browser's session is over: the next authorization shows the login page again.
        browser.authorize(Map.of()).then().statusCode(200);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            browser.login(
                            browser.authorize(Map.of(
                                    "client_id",
                                    "clerk-ui",
                                    "redirect_uri",
                                    "http://127.0.0.1:3001/callback",
                                    "scope",
                                    "openid")),
                            "password",
                            "supervisor.hagen",
                            "guess-" + i)
                    .then()
                    .statusCode(401);
        }
        browser.login(
                        browser.authorize(Map.of(
                                "client_id",
                                "clerk-ui",
                                "redirect_uri",
                                "http://127.0.0.1:3001/callback",
                                "scope",
                                "openid")),
                        "password",
                        "supervisor.hagen",
                        "Hagen-Demo-2026")
                .then()
                .statusCode(429)
                .body(Matchers.containsString("Zu viele"));
    }

    @Test
    void keysRotateWithoutFailingAToken() throws Exception {
        String admin = given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "admin",
                        "password",
                        "Amtsweg-Admin-2026"))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String before = cliToken();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        given().post("/admin/keys/rotate").then().statusCode(401);
        given().auth()
                .oauth2(before)
                .post("/admin/keys/rotate")
                .then()
                .statusCode(403)
                .body("type", Matchers.equalTo("https://amtsweg.org/problems/forbidden"))
                .body("title", Matchers.equalTo("Keine Berechtigung / Forbidden"));
        String newKid = given().auth()
                .oauth2(admin)
                .post("/admin/keys/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("kid");

        // Published before it signs: a resource server that refreshes its JWKS now knows both keys.
        assertThat(jwks().getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);
        assertThat(verifies(before)).isTrue();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        newKid.equals(SignedJWT.parse(cliToken()).getHeader().getKeyID()));
        assertThat(verifies(cliToken())).isTrue();
        assertThat(verifies(before))
                .as("tokens of the previous key stay valid until they expire")
                .isTrue();
    }

    private static String cliToken() {
        return given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "123456"))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(
                RestAssured.get("/jwks").then().statusCode(200).extract().asString());
    }

    private static boolean verifies(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        return jwt.verify(new ECDSAVerifier(
                jwks().getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey()));
    }

    private static Response refresh(String refreshToken) {
        return given().formParams(Map.of(
                        "grant_type", "refresh_token", "client_id", Browser.PORTAL, "refresh_token", refreshToken))
                .post("/token");
    }

    private static Response introspect(String token) {
        return given().auth()
                .preemptive()
                .basic(SERVICE, SERVICE_SECRET)
                .formParam("token", token)
                .post("/introspect");
    }
}
