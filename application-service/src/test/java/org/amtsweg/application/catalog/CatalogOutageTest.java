package org.amtsweg.application.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's own failures (here: 500) still count: the breaker opens and everybody gets a fast
 * 503 instead of waiting on a broken catalogue; it closes again once the catalogue answers. Runs in an
 * application of its own, so that the open breaker troubles no other test.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.OwnApplication.class)
@QuarkusTestResource(CatalogDouble.class)
class CatalogOutageTest {

    /** No settings of its own; a profile of its own gives the test its own application and circuit breaker. */
    public static class OwnApplication implements QuarkusTestProfile {}

    private static final String ERIKA = TestTokens.erika("high");

    @Test
    void serverErrorsOpenTheBreakerAndItClosesAgain() {
        for (int i = 0; i < 5; i++) {
            unavailable(given().auth()
                    .oauth2(ERIKA)
                    .contentType(ContentType.JSON)
                    .body(Map.of("service", "ausfall"))
                    .post("/applications"));
        }
        // Open: a valid request is answered at once, without asking the catalogue.
        unavailable(given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications"));
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().auth()
                        .oauth2(ERIKA)
                        .contentType(ContentType.JSON)
                        .body(Map.of("service", "wohngeld"))
                        .post("/applications")
                        .then()
                        .statusCode(201));
    }

    private static void unavailable(Response response) {
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "60")
                .body("type", equalTo("https://amtsweg.org/problems/catalog-unavailable"));
    }
}
