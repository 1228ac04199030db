package org.amtsweg.identity.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amtsweg.identity.authorize.Browser;
import org.junit.jupiter.api.Test;

/**
 * ID tokens are RS256 unless the client registered ES256 (OpenID Connect requires RS256 and makes it the
 * default); access tokens keep their configured algorithm; the JWKS publishes a key of each kind.
 */
@QuarkusTest
class SigningAlgorithmsTest {

    @Test
    void discoveryListsBothAlgorithmsAndNoUserinfoSigning() {
        given().get("/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("id_token_signing_alg_values_supported", hasItems("RS256", "ES256"))
                .body("$", not(hasKey("userinfo_signing_alg_values_supported")));
    }

    @Test
    void theJwksPublishesAnRsaAndAnEcKey() throws Exception {
        List<JWK> keys = jwks().getKeys();
        assertThat(keys).anySatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(key.toRSAKey().size()).isEqualTo(3072);
        });
        assertThat(keys).anySatisfy(key -> assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256));
        assertThat(keys).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void aClientWithoutAChoiceGetsRs256IdTokensAndEs256AccessTokens() throws Exception {
        Response tokens = new Browser().loginWithEid("erika");
        SignedJWT id = SignedJWT.parse(tokens.path("id_token"));
        assertThat(id.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(verifies(id)).isTrue();
        SignedJWT access = SignedJWT.parse(tokens.path("access_token"));
        assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(verifies(access)).isTrue();
        // The gateway's own checks take both: userinfo (access token) and logout (ID token hint).
        given().auth()
                .oauth2(tokens.path("access_token"))
                .get("/userinfo")
                .then()
                .statusCode(200);
        given().redirects()
                .follow(false)
                .queryParam("id_token_hint", (String) tokens.path("id_token"))
                .get("/end-session")
                .then()
                .statusCode(200);
    }

    @Test
    void aClientThatRegisteredEs256GetsEs256IdTokens() throws Exception {
        Browser browser = new Browser();
        Response page = browser.authorize(Map.of(
                "client_id", "clerk-ui", "redirect_uri", "http://127.0.0.1:3001/callback", "scope", "openid profile"));
        Response redirect = browser.login(page, "password", "clerk.hagen", "Hagen-Demo-2026");
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
        SignedJWT id = SignedJWT.parse(tokens.path("id_token"));
        assertThat(id.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(verifies(id)).isTrue();
    }

    @Test
    void rotationRenewsTheKeysOfBothKinds() throws Exception {
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
        Set<String> before = kids();
        String oldIdKid = SignedJWT.parse(new Browser().loginWithEid("max").path("id_token"))
                .getHeader()
                .getKeyID();
        given().auth().oauth2(admin).post("/admin/keys/rotate").then().statusCode(200);

        Set<String> added = new HashSet<>(kids());
        added.removeAll(before);
        assertThat(added).hasSize(2);
        assertThat(jwks().getKeys().stream()
                        .filter(key -> added.contains(key.getKeyID()))
                        .map(JWK::getAlgorithm))
                .containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            SignedJWT id = SignedJWT.parse(new Browser().loginWithEid("max").path("id_token"));
            assertThat(id.getHeader().getKeyID()).isIn(added).isNotEqualTo(oldIdKid);
            assertThat(verifies(id)).isTrue();
        });
    }

    private static Set<String> kids() throws Exception {
        Set<String> kids = new HashSet<>();
        jwks().getKeys().forEach(key -> kids.add(key.getKeyID()));
        return kids;
    }

    static JWKSet jwks() throws Exception {
        return JWKSet.parse(
                RestAssured.get("/jwks").then().statusCode(200).extract().asString());
    }

    static boolean verifies(SignedJWT jwt) throws Exception {
        JWK key = jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        return key.getKeyType() == KeyType.RSA
                ? jwt.verify(new RSASSAVerifier(key.toRSAKey()))
                : jwt.verify(new ECDSAVerifier(key.toECKey()));
    }
}
