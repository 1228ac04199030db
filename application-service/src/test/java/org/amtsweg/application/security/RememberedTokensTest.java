package org.amtsweg.application.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.events.testing.TestSigningKey;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A token checked once is remembered, but never beyond what the check established. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class RememberedTokensTest {

    @Test
    void aRememberedTokenDoesNotVouchForATamperedCopy() {
        String token = TestTokens.erika("high");
        given().auth().oauth2(token).get("/applications").then().statusCode(200);
        given().auth().oauth2(token).get("/applications").then().statusCode(200);

        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().auth()
                .oauth2(tampered)
                .get("/applications")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/applications").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String token = TestSigningKey.sign(
                new JWTClaimsSet.Builder().subject("short-lived").claim("acr", "high"),
                "application-service",
                Duration.ofSeconds(2));
        given().auth().oauth2(token).get("/applications").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() ->
                        given().auth().oauth2(token).get("/applications").then().statusCode(401));
    }

    @Test
    void aTokenForAnotherServiceIsRefusedEveryTime() {
        String token = TestSigningKey.sign(
                new JWTClaimsSet.Builder().subject("elsewhere").claim("acr", "high"), "case-service");
        given().auth().oauth2(token).get("/applications").then().statusCode(401);
        given().auth().oauth2(token).get("/applications").then().statusCode(401);
    }
}
