package org.amtsweg.identity.throttle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.amtsweg.identity.authorize.Browser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Guessing is throttled per account and per client, with growing delays (3 s after five failures in the
 * test profile); one person's failures never lock others who share the address.
 */
@QuarkusTest
class ThrottleTest {

    private static final Map<String, String> CLERK_UI =
            Map.of("client_id", "clerk-ui", "redirect_uri", "http://127.0.0.1:3001/callback", "scope", "openid");

    @Test
    void anAccountWaitsAfterFiveFailuresEvenWithTheRightPasswordWhileOthersFromTheSameAddressLogIn() {
        Browser guesser = new Browser();
        for (int i = 0; i < 5; i++) {
            guesser.login(guesser.authorize(CLERK_UI), "password", "supervisor.dortmund", "guess-" + i)
                    .then()
                    .statusCode(401);
        }
        Response refused =
                guesser.login(guesser.authorize(CLERK_UI), "password", "supervisor.dortmund", "Dortmund-Demo-2026");
        refused.then().statusCode(429).body(containsString("Zu viele fehlgeschlagene Anmeldungen"));
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 3);
        assertThat(refused.getCookie("amtsweg_session")).isNull();
        // The same account through the password grant waits too.
        given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "supervisor.dortmund",
                        "password",
                        "Dortmund-Demo-2026"))
                .post("/token")
                .then()
                .statusCode(429)
                .header("Retry-After", Matchers.notNullValue())
                .body("error", equalTo("invalid_grant"));

        // A colleague behind the same address is not affected.
        Browser colleague = new Browser();
        colleague
                .login(colleague.authorize(CLERK_UI), "password", "clerk.dortmund", "Dortmund-Demo-2026")
                .then()
                .statusCode(303);

        // Once the delay has passed, the right password logs in, and that forgets the failures.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> guesser.login(
                                        guesser.authorize(CLERK_UI),
                                        "password",
                                        "supervisor.dortmund",
                                        "Dortmund-Demo-2026")
                                .statusCode()
                        == 303);
        guesser.login(
                        guesser.authorize(Map.of(
                                "client_id",
                                "clerk-ui",
                                "redirect_uri",
                                "http://127.0.0.1:3001/callback",
                                "scope",
                                "openid",
                                "prompt",
                                "login")),
                        "password",
                        "supervisor.dortmund",
                        "wrong")
                .then()
                .statusCode(401);
    }

    @Test
    void guessingAClientSecretIsThrottled() {
        for (int i = 0; i < 5; i++) {
            clientCredentials("guess-" + i).then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        Response refused = clientCredentials("test-token-auditor-secret");
        refused.then().statusCode(429).body("error", equalTo("invalid_client")).header("Cache-Control", "no-store");
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 3);
        // The other endpoints that authenticate the client wait too.
        given().auth()
                .preemptive()
                .basic("token-auditor", "test-token-auditor-secret")
                .formParam("token", "x")
                .post("/introspect")
                .then()
                .statusCode(429);
        // Another client from the same address is not affected.
        given().auth()
                .preemptive()
                .basic("application-service", "local-application-secret")
                .formParam("grant_type", "client_credentials")
                .post("/token")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> clientCredentials("test-token-auditor-secret").statusCode() == 200);
        clientCredentials("guess").then().statusCode(401);
    }

    private static Response clientCredentials(String secret) {
        return given().auth()
                .preemptive()
                .basic("token-auditor", secret)
                .formParam("grant_type", "client_credentials")
                .post("/token");
    }
}
