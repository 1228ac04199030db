package org.amtsweg.cases.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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

/**
 * Where no resident register is connected (the simulator is not selected), a check is not retried in
 * vain: it is recorded UNAVAILABLE at once, saying why, and the clerk checks by hand.
 */
@QuarkusTest
@TestProfile(NoRegisterConnectedTest.NoRegister.class)
class NoRegisterConnectedTest {

    public static class NoRegister implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "amtsweg.cases.registry.resident-register",
                    "none",
                    "mp.messaging.incoming.applications-in.group.id",
                    "case-service-test-no-register");
        }
    }

    @Test
    void theCheckIsRecordedUnavailableAtOnceWithTheReason() {
        String applicationId = UUID.randomUUID().toString();
        String caseId = CaseFixture.openCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(CaseFixture.HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("registryChecks[0].state", equalTo("DONE"))
                        .body("registryChecks[0].result", equalTo("UNAVAILABLE"))
                        .body("registryChecks[0].attempts", equalTo(1))
                        .body("registryChecks[0].response.reason", containsString("kein Register angebunden")));
        assertThat(CaseFixture.KAFKA.recordsWithKey("cases", applicationId, 2, Duration.ofSeconds(20)))
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .contains("CaseOpened", "RegistryCheckCompleted");
    }
}
