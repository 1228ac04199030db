package org.amtsweg.identity.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.amtsweg.identity.authorize.Browser;
import org.junit.jupiter.api.Test;

/**
 * Introspection releases a token's claims only to the services it is meant for: a specialist procedure
 * read a citizen's name, birth date and address from a portal token before.
 */
@QuarkusTest
class IntrospectionTest {

    @Test
    void aClientThatIsNoAudienceOfTheTokenLearnsOnlyThatItIsActive() {
        Response tokens = new Browser().loginWithEid("erika");
        Map<String, Object> seen = introspect(
                        "procedure-stadt-hagen", "test-procedure-hagen-secret", tokens.path("access_token"))
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(seen).containsExactly(Map.entry("active", true));

        Map<String, Object> refresh = introspect(
                        "procedure-stadt-hagen", "test-procedure-hagen-secret", tokens.path("refresh_token"))
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(refresh).containsExactly(Map.entry("active", true));
    }

    @Test
    void anAudienceOfTheTokenReadsItsClaims() {
        Response tokens = new Browser().loginWithEid("erika");
        introspect("application-service", "local-application-secret", tokens.path("access_token"))
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("given_name", equalTo("Erika"))
                .body("address.locality", equalTo("Hagen"))
                .body("client_id", equalTo(Browser.PORTAL));
        // A refresh token is the client's own: another service that the access tokens are for learns only that it is
        // active.
        assertThat(introspect("application-service", "local-application-secret", tokens.path("refresh_token"))
                        .then()
                        .extract()
                        .as(Map.class))
                .containsExactly(Map.entry("active", true));
    }

    @Test
    void theClientATokenWasIssuedToReadsItsOwnToken() {
        String token = given().auth()
                .preemptive()
                .basic("procedure-stadt-hagen", "test-procedure-hagen-secret")
                .formParam("grant_type", "client_credentials")
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        introspect("procedure-stadt-hagen", "test-procedure-hagen-secret", token)
                .then()
                .body("active", equalTo(true))
                .body("authority", equalTo("stadt-hagen"));
    }

    @Test
    void aClientWithTheIntrospectionRightReadsEveryToken() {
        Response tokens = new Browser().loginWithEid("erika");
        introspect("token-auditor", "test-token-auditor-secret", tokens.path("access_token"))
                .then()
                .body("active", equalTo(true))
                .body("birthdate", equalTo("1964-08-12"));
        introspect("token-auditor", "test-token-auditor-secret", tokens.path("refresh_token"))
                .then()
                .body("active", equalTo(true))
                .body("client_id", equalTo(Browser.PORTAL));
    }

    @Test
    void aRevokedTokenIsInactiveForEveryone() {
        Response tokens = new Browser().loginWithEid("erika");
        given().formParams(Map.of("token", tokens.path("refresh_token"), "client_id", Browser.PORTAL))
                .post("/revoke")
                .then()
                .statusCode(200);
        for (String[] client : new String[][] {
            {"procedure-stadt-hagen", "test-procedure-hagen-secret"}, {"token-auditor", "test-token-auditor-secret"}
        }) {
            assertThat(introspect(client[0], client[1], tokens.path("access_token"))
                            .then()
                            .extract()
                            .as(Map.class))
                    .containsExactly(Map.entry("active", false));
        }
    }

    private static Response introspect(String client, String secret, String token) {
        return given().auth()
                .preemptive()
                .basic(client, secret)
                .formParam("token", token)
                .post("/introspect");
    }
}
