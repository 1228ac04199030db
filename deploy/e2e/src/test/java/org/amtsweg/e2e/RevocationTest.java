package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A token the gateway withdraws stops working at the resource servers within two seconds, although they
 * check tokens themselves and remember them: the gateway announces revocations and ended sessions on
 * the topic {@code identity}, and both services drop what it names.
 */
@ExtendWith(RunningPlatform.class)
class RevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @Test
    void aRevokedCitizenTokenIsRefusedByApplicationService() {
        String citizen = Journeys.token("erika", "123456");
        applications(citizen).then().statusCode(200);
        applications(citizen).then().statusCode(200); // remembered now

        revoke(citizen);

        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> applications(citizen).then().statusCode(401));
    }

    @Test
    void aRevokedClerkTokenIsRefusedByCaseService() {
        String clerk = Journeys.token("clerk.hagen", "Hagen-Demo-2026");
        cases(clerk).then().statusCode(200);
        cases(clerk).then().statusCode(200);

        revoke(clerk);

        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> cases(clerk).then().statusCode(401));
    }

    @Test
    void afterLogoutNoTokenOfTheSessionWorks() throws Exception {
        JsonPath login = Journeys.portalLogin("max", "123456");
        String token = login.getString("access_token");
        applications(token).then().statusCode(200);

        given().baseUri(Platform.url(Platform.IDENTITY))
                .redirects()
                .follow(false)
                .queryParams(Map.of("id_token_hint", login.getString("id_token"), "client_id", "citizen-portal"))
                .get("/end-session")
                .then()
                .statusCode(anyOf(equalTo(200), equalTo(303)));

        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> applications(token).then().statusCode(401));
        // And the gateway agrees.
        given().baseUri(Platform.url(Platform.IDENTITY))
                .auth()
                .oauth2(token)
                .get("/userinfo")
                .then()
                .statusCode(401);
    }

    private static Response applications(String token) {
        return given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(token)
                .get("/applications");
    }

    private static Response cases(String token) {
        return given().baseUri(Platform.url(Platform.CASE)).auth().oauth2(token).get("/cases");
    }

    private static void revoke(String token) {
        given().baseUri(Platform.url(Platform.IDENTITY))
                .formParams(Map.of("token", token, "token_type_hint", "access_token", "client_id", "amtsweg-cli"))
                .post("/revoke")
                .then()
                .statusCode(200);
    }
}
