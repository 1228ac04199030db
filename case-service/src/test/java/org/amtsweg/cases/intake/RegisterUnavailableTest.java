package org.amtsweg.cases.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.CloudEventTopics;
import org.junit.jupiter.api.Test;

/** A register that does not answer never blocks intake: the case opens, the check is retried, then recorded as UNAVAILABLE. */
@QuarkusTest
@TestProfile(RegisterUnavailableTest.RegisterDown.class)
class RegisterUnavailableTest {

    /** The simulated resident register switched off, with short retry pauses. */
    public static class RegisterDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "amtsweg.cases.registry.simulator-unavailable",
                    "true",
                    "amtsweg.cases.registry.max-attempts",
                    "3",
                    "amtsweg.cases.registry.retry-backoff",
                    "PT0.2S",
                    "mp.messaging.incoming.applications-in.group.id",
                    "case-service-test-register-down");
        }
    }

    @Test
    void theCaseOpensAndTheCheckEndsUnavailableAfterItsRetries() {
        String applicationId = UUID.randomUUID().toString();
        String caseId = CaseFixture.openCase(applicationId);
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .get("/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(CaseFixture.HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("registryChecks[0].state", equalTo("DONE"))
                        .body("registryChecks[0].result", equalTo("UNAVAILABLE"))
                        .body("registryChecks[0].attempts", equalTo(3)));
        assertThat(CaseFixture.KAFKA.recordsWithKey("cases", applicationId, 2, Duration.ofSeconds(20)))
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .contains("CaseOpened", "RegistryCheckCompleted");
    }
}
