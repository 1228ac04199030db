package org.amtsweg.resourceserver.edge;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** What a citizen sees while the database is down: a 503 she may retry, never a 500. */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().get("/echo/database").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://amtsweg.org/problems/temporarily-unavailable"));
        }
    }

    @Test
    void aConnectionThatClosedUnderTheRequestIs503WithRetryAfter() {
        given().queryParam("message", "Connection is not active now, current status: CLOSED").get("/echo/closed-connection").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://amtsweg.org/problems/temporarily-unavailable"));
    }

    @Test
    void anyOtherFailureOfTheDatabaseClientIsADefectAnsweredAsAProblem() {
        given().queryParam("message", "something else went wrong").get("/echo/closed-connection").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/internal-error"));
    }
}
