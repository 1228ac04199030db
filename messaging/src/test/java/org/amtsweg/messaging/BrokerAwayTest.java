package org.amtsweg.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance whose broker is away (here: nothing listens where it looks for one) stays ready and alive — its
 * writes would go to the outbox, its consumers wait — and the operator sees the broker's absence beside
 * readiness, in the wellness check "Event broker".
 */
@QuarkusTest
@TestProfile(BrokerAwayTest.NoBroker.class)
class BrokerAwayTest {

    /** The test application with a broker address at which nothing answers. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:9");
        }
    }

    @Test
    void anInstanceWithoutItsBrokerStaysReadyAndSaysSoBesideReadiness() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/well")
                        .then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'Event broker' }.status", is("DOWN"))
                        .body("checks.find { it.name == 'Event broker' }.data.'journal-in'", is("not connected")));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
