package org.amtsweg.cases.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.CloudEventTopics;
import org.junit.jupiter.api.Test;

/**
 * A new case's register checks are asked right after its case's commit, and only a check that was not (the service stopped
 * in between) is left to the sweep. With the sweep taking new checks up only after ten minutes, a check answered within the
 * test was asked by the commit's path.
 */
@QuarkusTest
@TestProfile(RegisterChecksAskedTest.LateSweep.class)
class RegisterChecksAskedTest {

    public static class LateSweep implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "amtsweg.cases.registry.sweep-after",
                    "PT10M",
                    "mp.messaging.incoming.applications-in.group.id",
                    "case-service-test-checks-asked");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aNewCasesCheckIsAnsweredRightAfterItsCaseOpened() {
        String applicationId = UUID.randomUUID().toString();
        String caseId = CaseFixture.openCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(CaseFixture.HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .statusCode(200)
                        .body("registryChecks[0].state", equalTo("DONE"))
                        .body("registryChecks[0].result", equalTo("MATCH"))
                        .body("registryChecks[0].attempts", equalTo(1)));
        assertThat(CaseFixture.KAFKA.recordsWithKey("cases", applicationId, 2, Duration.ofSeconds(20)))
                .extracting(record -> CloudEventTopics.header(record, "ce_type"))
                .containsExactlyInAnyOrder("CaseOpened", "RegistryCheckCompleted");
    }

    @Test
    void aCheckLeftUnaskedIsAskedByTheSweepOnceDueAndNotBefore() {
        String applicationId = UUID.randomUUID().toString();
        String caseId = CaseFixture.openCase(applicationId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(CaseFixture.HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("registryChecks[0].state", equalTo("DONE")));

        // What a stop between a case's commit and its first attempt leaves behind: checks never asked, one of them due.
        UUID leftOver = requestCheck(caseId, "RESIDENT_REGISTER", "now() - interval '1 second'");
        UUID notYetDue = requestCheck(caseId, "RESIDENT_REGISTER", "now() + interval '1 hour'");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(CaseFixture.HAGEN_CLERK)
                        .get("/cases/" + caseId)
                        .then()
                        .body("registryChecks.findAll { it.id == '" + leftOver + "' }.state", hasItems("DONE"))
                        .body("registryChecks.findAll { it.id == '" + leftOver + "' }.result", hasItems("MATCH")));
        List<String> types =
                CaseFixture.KAFKA.recordsWithKey("cases", applicationId, 3, Duration.ofSeconds(20)).stream()
                        .map(record -> CloudEventTopics.header(record, "ce_type"))
                        .toList();
        assertThat(types).containsExactlyInAnyOrder("CaseOpened", "RegistryCheckCompleted", "RegistryCheckCompleted");
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .get("/cases/" + caseId)
                .then()
                .body("registryChecks.findAll { it.id == '" + notYetDue + "' }.state", hasItems("PENDING"));
    }

    private UUID requestCheck(String caseId, String register, String dueAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        INSERT INTO registry_check (id, case_id, register, legal_basis, purpose, request, state, requested_at, next_attempt_at)
                        SELECT $1, c.case_id, c.register, c.legal_basis, c.purpose, c.request, 'PENDING', now(), %s
                        FROM registry_check c WHERE c.case_id = $2 AND c.register = $3 LIMIT 1""".formatted(dueAt))
                .execute(Tuple.of(id, UUID.fromString(caseId), register))
                .await()
                .atMost(Duration.ofSeconds(10));
        return id;
    }
}
