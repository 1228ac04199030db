package org.amtsweg.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.ProblemTypes;
import org.amtsweg.resourceserver.testing.ProblemTypeContract;
import org.junit.jupiter.api.Test;

/** Every problem type the case service can answer is registered, and published in its OpenAPI document. */
@QuarkusTest
class ProblemTypesTest {

    @Test
    void theServiceAnswersExactlyTheRegisteredTypesAndPublishesThemAll() throws Exception {
        assertThat(ProblemTypes.installed().all())
                .contains(CaseProblem.values())
                .contains(PlatformProblem.values());
        ProblemTypeContract.verify(new ObjectMapper()
                .readTree(given().accept("application/json").get("/q/openapi").asString()));
    }
}
