package org.amtsweg.cases.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.amtsweg.events.testing.TestSigningKey;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A clerk's token checked once is remembered, but never beyond what the check established. */
@QuarkusTest
class RememberedTokensTest {

    @Test
    void aRememberedTokenDoesNotVouchForATamperedCopy() {
        String token = TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk");
        given().auth().oauth2(token).get("/cases").then().statusCode(200);
        given().auth().oauth2(token).get("/cases").then().statusCode(200);

        String[] parts = token.split("\\.");
        String signature = parts[2];
        char changed = signature.charAt(signature.length() - 2) == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1] + "." + signature.substring(0, signature.length() - 2) + changed
                + signature.charAt(signature.length() - 1);
        given().auth()
                .oauth2(tampered)
                .get("/cases")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/cases").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String token = TestSigningKey.sign(
                new JWTClaimsSet.Builder()
                        .subject("staff-short-lived")
                        .claim("authority", "stadt-hagen")
                        .claim("roles", List.of("clerk"))
                        .claim("acr", "low"),
                "case-service",
                Duration.ofSeconds(2));
        given().auth().oauth2(token).get("/cases").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> given().auth().oauth2(token).get("/cases").then().statusCode(401));
    }
}
