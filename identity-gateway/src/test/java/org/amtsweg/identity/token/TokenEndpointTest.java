package org.amtsweg.identity.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint as clients and resource servers meet it. */
@QuarkusTest
class TokenEndpointTest {

    @Test
    void citizenLoggedInWithTheEidCardGetsTrustLevelHighAndHerClaims() throws Exception {
        String token = given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "123456",
                        "scope",
                        "openid profile address"))
                .post("/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .extract()
                .path("access_token");

        SignedJWT jwt = verified(token);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8080");
        assertThat(claims.getStringClaim("acr")).isEqualTo("high");
        assertThat(claims.getStringListClaim("amr")).containsExactly("hwk");
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Erika");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("05914000");
        assertThat(claims.getJSONObjectClaim("address")).containsEntry("locality", "Hagen");
        assertThat(claims.getAudience()).contains("application-service", "case-service");
        assertThat(claims.getSubject()).doesNotContain("erika").hasSize(27);
        assertThat(claims.getClaim("nationality"))
                .as("no eid scope, no nationality")
                .isNull();
    }

    @Test
    void theSamePersonAlwaysGetsTheSameSubject() throws Exception {
        String first = citizenToken("erika", "eid");
        String second = citizenToken("erika", "elster");
        assertThat(verified(first).getJWTClaimsSet().getSubject())
                .isEqualTo(verified(second).getJWTClaimsSet().getSubject());
        assertThat(verified(second).getJWTClaimsSet().getStringClaim("acr")).isEqualTo("substantial");
    }

    @Test
    void aLoginBelowTheRequestedTrustLevelIsRefused() {
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "123456",
                        "login_method",
                        "elster",
                        "acr_values",
                        "high"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unmet_authentication_requirements"));
    }

    @Test
    void storkQaaLevelsAreUnderstoodAsAcrValues() {
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "123456",
                        "login_method",
                        "password",
                        "acr_values",
                        "STORK-QAA-Level-3"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unmet_authentication_requirements"));
    }

    @Test
    void aWrongPinIsAnInvalidGrant() {
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "000000"))
                .post("/token")
                .then()
                .statusCode(400)
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void aClerkGetsRolesAndAuthority() throws Exception {
        String token = given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "clerk.hagen",
                        "password",
                        "Hagen-Demo-2026"))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        var claims = verified(token).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("clerk");
        assertThat(claims.getStringClaim("authority")).isEqualTo("stadt-hagen");
        assertThat(claims.getStringClaim("acr")).isEqualTo("low");
    }

    @Test
    void aClerkWithAWrongPasswordIsRefused() {
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "clerk.hagen",
                        "password",
                        "wrong"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void aServiceAuthenticatesWithBasicCredentials() throws Exception {
        String token = given().auth()
                .preemptive()
                .basic("application-service", "local-application-secret")
                .formParam("grant_type", "client_credentials")
                .post("/token")
                .then()
                .statusCode(200)
                .body("scope", equalTo("catalog.read"))
                .extract()
                .path("access_token");
        var claims = verified(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("application-service");
        assertThat(claims.getAudience()).containsExactly("catalog-service");
        assertThat(claims.getClaim("authority")).isNull();
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void aSpecialistProcedureSpeaksForItsAuthorityOnly() throws Exception {
        String token = given().auth()
                .preemptive()
                .basic("procedure-stadt-hagen", "test-procedure-hagen-secret")
                .formParam("grant_type", "client_credentials")
                .post("/token")
                .then()
                .statusCode(200)
                .body("scope", equalTo("handover"))
                .extract()
                .path("access_token");
        var claims = verified(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("procedure-stadt-hagen");
        assertThat(claims.getAudience()).containsExactly("case-service");
        assertThat(claims.getStringClaim("authority")).isEqualTo("stadt-hagen");
        assertThat(claims.getStringListClaim("roles")).containsExactly("procedure");
    }

    @Test
    void aWrongClientSecretIsAnInvalidClient() {
        given().auth()
                .preemptive()
                .basic("application-service", "guess")
                .formParam("grant_type", "client_credentials")
                .post("/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void anUnknownClientIsAnInvalidClient() {
        given().formParams(Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x"))
                .post("/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void aGrantTheClientMayNotUseIsRefused() {
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "application-service",
                        "client_secret",
                        "local-application-secret",
                        "username",
                        "erika",
                        "password",
                        "123456"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void anUnknownGrantTypeIsUnsupported() {
        given().formParams(Map.of("grant_type", "urn:example:magic", "client_id", "amtsweg-cli"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void aScopeTheClientMayNotHaveIsRefused() {
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "123456",
                        "scope",
                        "openid admin"))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"));
    }

    @Test
    void discoveryNamesTheEndpointsThatExist() {
        given().get("/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("issuer", equalTo("http://127.0.0.1:8080"))
                .body("token_endpoint", equalTo("http://127.0.0.1:8080/token"))
                .body("jwks_uri", equalTo("http://127.0.0.1:8080/jwks"))
                .body("acr_values_supported", hasItem("high"));
    }

    private static String citizenToken(String who, String method) {
        return given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        who,
                        "password",
                        "123456",
                        "login_method",
                        method))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static SignedJWT verified(String token) throws Exception {
        JWKSet keys = JWKSet.parse(
                RestAssured.get("/jwks").then().statusCode(200).extract().asString());
        SignedJWT jwt = SignedJWT.parse(token);
        var key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
        assertThat(key.isPrivate()).as("JWKS publishes public keys only").isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        return jwt;
    }
}
