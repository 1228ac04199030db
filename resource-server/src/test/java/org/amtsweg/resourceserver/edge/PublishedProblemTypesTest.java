package org.amtsweg.resourceserver.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.ProblemTypes;
import org.amtsweg.resourceserver.testing.ProblemTypeContract;
import org.junit.jupiter.api.Test;

/** The registry as a client reads it: in the OpenAPI document, and in the answers. */
@QuarkusTest
class PublishedProblemTypesTest {

    @Test
    void everyRegisteredTypeIsPublishedWithItsStatusAndTitle() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().accept("application/json").get("/q/openapi").asString());
        assertThat(ProblemTypes.installed().all())
                .contains(EchoProblem.ECHO_REFUSED, PlatformProblem.VALIDATION_FAILED);
        ProblemTypeContract.assertPublished(document, ProblemTypes.installed());
        assertThat(document.path("paths")
                        .path("/echo/note")
                        .path("post")
                        .path("responses")
                        .path("default")
                        .path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void aServicesOwnTypeIsAnsweredAsRegistered() {
        given().get("/echo/refused")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/echo-refused"))
                .body("title", equalTo("Echo abgelehnt / Echo refused"))
                .body("detail", equalTo("Dieses Echo gibt es nicht."));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorNamingNothing() {
        given().get("/echo/failure")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/internal-error"))
                .body(
                        "detail",
                        equalTo("Die Anfrage konnte wegen eines Fehlers des Dienstes nicht verarbeitet werden."));
    }
}
