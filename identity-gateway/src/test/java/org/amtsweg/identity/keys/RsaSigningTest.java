package org.amtsweg.identity.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment whose resource servers cannot check ECDSA configures RS256 access tokens and gets BSI-length RSA keys. */
@QuarkusTest
@TestProfile(RsaSigningTest.Rs256.class)
class RsaSigningTest {

    public static class Rs256 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amtsweg.identity.keys.access-token-algorithm", "RS256");
        }
    }

    @Test
    void tokensAreSignedWithA3072BitRsaKeyThatTheJwksPublishes() throws Exception {
        String token = given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "max",
                        "password",
                        "123456",
                        "scope",
                        "openid"))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = JWKSet.parse(RestAssured.get("/jwks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getKeyByKeyId(jwt.getHeader().getKeyID())
                .toRSAKey();
        assertThat(key.isPrivate()).as("JWKS publishes public keys only").isFalse();
        assertThat(key.size()).isEqualTo(3072);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        // The gateway's own checks (userinfo) accept its RSA-signed tokens too.
        given().auth().oauth2(token).get("/userinfo").then().statusCode(200);
    }
}
