package org.amtsweg.resourceserver.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a citizen sees while the database is down or goes away under her request: a 503 she may retry, never a 500. */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().get("/echo/database")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://amtsweg.org/problems/temporarily-unavailable"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reset", "closed"})
    void aConnectionLostUnderTheRequestIs503WithRetryAfter(String how) {
        given().queryParam("as", how)
                .get("/echo/lost-connection")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://amtsweg.org/problems/temporarily-unavailable"));
    }

    @Test
    void anyOtherFailureOfTheDatabaseClientIsADefectAnsweredAsAProblem() {
        given().queryParam("as", "other")
                .get("/echo/lost-connection")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/internal-error"));
    }
}
