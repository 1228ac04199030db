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
}
