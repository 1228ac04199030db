package org.amtsweg.cases.work;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Two clerks, one case: it stays with whoever holds it, unless taken over openly or reassigned by a supervisor. */
@QuarkusTest
class CaseAssignmentTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;
    private static final String COLLEAGUE = CaseFixture.HAGEN_COLLEAGUE;
    private static final String HELD = "https://amtsweg.org/problems/case-held-by-colleague";

    @Test
    void aColleaguesCaseIsNotTakenByAPlainAssign() {
        String caseId = heldByClerk();
        given().auth()
                .oauth2(COLLEAGUE)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(HELD))
                .body("heldBy", equalTo("clerk.hagen"))
                .body("detail", containsString("clerk.hagen"));
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("assignee", equalTo("clerk.hagen"));
    }

    @Test
    void aTakeOverNeedsAReasonAndIsRecordedWithIt() {
        String caseId = heldByClerk();
        given().auth()
                .oauth2(COLLEAGUE)
                .contentType(ContentType.JSON)
                .body(Map.of("takeOver", true))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                .body("violations.pointer", hasItem("/reason"));
        given().auth()
                .oauth2(COLLEAGUE)
                .contentType(ContentType.JSON)
                .body(Map.of("takeOver", true, "reason", "   "))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/reason"));

        given().auth()
                .oauth2(COLLEAGUE)
                .contentType(ContentType.JSON)
                .body(Map.of("takeOver", true, "reason", "Urlaubsvertretung bis 15.12."))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("assignee", equalTo("kollegin.hagen"));
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .body("find { it.action == 'TAKEN_OVER' }.actor", equalTo("kollegin.hagen"))
                .body(
                        "find { it.action == 'TAKEN_OVER' }.detail",
                        allOf(containsString("clerk.hagen"), containsString("Urlaubsvertretung bis 15.12.")))
                .body("find { it.action == 'TAKEN_OVER' }.at", Matchers.notNullValue());
    }

    @Test
    void aSupervisorReassignsAHeldCaseAndTheHistorySaysFromWhomToWhom() {
        String caseId = heldByClerk();
        given().auth()
                .oauth2(CaseFixture.HAGEN_SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "kollegin.hagen", "reason", "Lastausgleich"))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .body("find { it.action == 'REASSIGNED' }.actor", equalTo("supervisor.hagen"))
                .body(
                        "find { it.action == 'REASSIGNED' }.detail",
                        allOf(
                                containsString("clerk.hagen"),
                                containsString("kollegin.hagen"),
                                containsString("Lastausgleich")));
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("assignee", equalTo("kollegin.hagen"));
    }

    @Test
    void aClerkTakingOverCannotGiveTheCaseToAThirdPerson() {
        String caseId = heldByClerk();
        given().auth()
                .oauth2(COLLEAGUE)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "dritter.hagen", "takeOver", true, "reason", "Vertretung"))
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(403);
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("assignee", equalTo("clerk.hagen"));
    }

    @Test
    void takingACaseOneHoldsAgainChangesNothing() {
        String caseId = heldByClerk();
        String etag = given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId)
                .then()
                .extract()
                .header("ETag");
        List<Object> history = given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .extract()
                .path("action");

        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "clerk.hagen"))
                .header("If-Match", etag)
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId)
                .then()
                .header("ETag", equalTo(etag))
                .body("assignee", equalTo("clerk.hagen"));
        List<Object> after = given().auth()
                .oauth2(CLERK)
                .get("/cases/" + caseId + "/history")
                .then()
                .extract()
                .path("action");
        assertThat(after).isEqualTo(history);
    }

    /** A fresh case that clerk.hagen took into review. */
    private static String heldByClerk() {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
        return caseId;
    }
}
