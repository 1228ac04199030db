package org.amtsweg.cases.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import org.amtsweg.cases.CaseFixture;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every parameter a clerk or procedure can get wrong is answered 400 naming it, never with a 5xx or a bare 404. */
@QuarkusTest
class MalformedParametersTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;
    private static final String INVALID = "https://amtsweg.org/problems/invalid-parameter";

    @Test
    void theInboxNamesTheParameterItCannotUse() {
        refused(inbox -> inbox.queryParam("status", "BOGUS"), "status");
        refused(inbox -> inbox.queryParam("registryResult", "MAYBE"), "registryResult");
        refused(inbox -> inbox.queryParam("sort", "random"), "sort");
        for (String limit : new String[] {"-1", "0", "201", "100000", "abc", "1.5", "99999999999999999999"}) {
            refused(inbox -> inbox.queryParam("limit", limit), "limit");
        }
        String noCursor = Base64.getUrlEncoder().encodeToString("nicht|ein|cursor".getBytes(StandardCharsets.UTF_8));
        for (String after : new String[] {"garbage!!", noCursor, "MjAyNi0xMi0wMVQwMDowMDowMFp8bm8tdXVpZA"}) {
            refused(inbox -> inbox.queryParam("after", after), "after");
        }
        // Filters that match nothing are no error: a service key nobody offers lists no cases.
        given().auth()
                .oauth2(CLERK)
                .queryParam("service", "x'; DROP TABLE case_file; --")
                .queryParam("assignee", "\"\\%_")
                .get("/cases")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void theLiveInboxNamesAnUnusableLastEventId() {
        for (String id : new String[] {"garbage", "-5", "1e3", "99999999999999999999999"}) {
            given().auth()
                    .oauth2(CLERK)
                    .header("Last-Event-ID", id)
                    .accept("text/event-stream")
                    .get("/cases/events")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(INVALID))
                    .body("parameter", equalTo("Last-Event-ID"));
        }
    }

    @Test
    void aCaseIdThatIsNoUuidIsNamedOnEveryRoute() {
        for (String route : new String[] {"", "/history", "/export", "/notice", "/attachments/" + UUID.randomUUID()}) {
            idRefused(given().auth().oauth2(CLERK).get("/cases/not-a-uuid" + route), "id");
        }
        idRefused(given().auth().oauth2(CLERK).accept(ContentType.XML).get("/cases/12345/export"), "id");
        idRefused(given().auth().oauth2(TestTokens.procedure("stadt-hagen")).post("/cases/nope/handover"), "id");
        for (String step : new String[] {"/assign", "/information-requests", "/decision", "/notes"}) {
            idRefused(
                    given().auth()
                            .oauth2(CLERK)
                            .contentType(ContentType.JSON)
                            .body("{}")
                            .post("/cases/" + UUID.randomUUID() + "x" + step),
                    "id");
        }
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        idRefused(given().auth().oauth2(CLERK).get("/cases/" + caseId + "/attachments/not-an-id"), "attachmentId");
        // A well-formed id of no case is still plainly not found.
        given().auth()
                .oauth2(CLERK)
                .get("/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo("https://amtsweg.org/problems/not-found"));
    }

    @Test
    void theHandoverFeedAndIfMatchNameTheirParameters() {
        for (String limit : new String[] {"abc", "0", "1001"}) {
            given().auth()
                    .oauth2(CLERK)
                    .queryParam("limit", limit)
                    .get("/handover")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(INVALID))
                    .body("parameter", equalTo("limit"));
        }
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"99999999999999\"")
                .body("{}")
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(400)
                .body("type", equalTo(INVALID))
                .body("parameter", equalTo("If-Match"));
    }

    private static void refused(Function<RequestSpecification, RequestSpecification> request, String parameter) {
        request.apply(given().auth().oauth2(CLERK))
                .get("/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    private static void idRefused(Response response, String parameter) {
        response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("parameter", equalTo(parameter))
                .body("detail", not(containsString("java")));
    }
}
