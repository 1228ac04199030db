package org.amtsweg.cases.work;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a clerk sends wrong is refused as 422, every value by its pointer, and the case stays as it was. */
@QuarkusTest
class CaseWorkRefusalsTest {

    private static final String CLERK = CaseFixture.HAGEN_CLERK;
    private static final String TODAY =
            LocalDate.now(ZoneId.of("Europe/Berlin")).toString();

    private String caseId;

    @BeforeEach
    void aCaseInReview() {
        caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/cases/" + caseId + "/assign")
                .then()
                .statusCode(204);
    }

    @Test
    void anInformationRequestNamesOnlyFieldsTheApplicationHas() {
        refused(
                        informationRequest(
                                List.of(
                                        "/wohnung/bruttokaltmiete_eur",
                                        "/wohnnung/miete",
                                        "/bankverbindung/iban/x",
                                        "/wohnung/heizkosten_eur"),
                                List.of(),
                                null),
                        "/fields/1",
                        "/fields/2")
                .body("violations.pointer", not(hasItem("/fields/0")))
                // An optional field the applicant left empty is just what one asks for.
                .body("violations.pointer", not(hasItem("/fields/3")))
                .body("violations.find { it.pointer == '/fields/1' }.keyword", equalTo("unknown-field"));
        stillInReview();
    }

    @Test
    void fieldPointersMustBeJsonPointers() {
        refused(
                informationRequest(Arrays.list("wohnung", "", "/a~2b", null, "/" + "x".repeat(250)), List.of(), null),
                "/fields/0",
                "/fields/1",
                "/fields/2",
                "/fields/3",
                "/fields/4");
        refused(informationRequest(Collections.nCopies(51, "/wohnung"), List.of(), null), "/fields");
        refused(informationRequest(List.of(), List.of(), null), "/fields");
        refused(
                informationRequest(List.of(), Arrays.list("", null, "d".repeat(101)), null),
                "/documents/0",
                "/documents/1",
                "/documents/2");
        refused(Map.of("documents", List.of("mietbescheinigung")), "/message", "/fields");
        stillInReview();
    }

    @Test
    void aDueDateIsARealDayNotInThePastAndWithinAYear() {
        refused(informationRequest(List.of("/wohnung/bruttokaltmiete_eur"), List.of(), "2023-02-30"), "/dueDate")
                .body("violations[0].keyword", equalTo("type"));
        refused(informationRequest(List.of("/wohnung/bruttokaltmiete_eur"), List.of(), "2020-01-01"), "/dueDate")
                .body("violations[0].message", containsString(TODAY));
        refused(
                informationRequest(
                        List.of("/wohnung/bruttokaltmiete_eur"),
                        List.of(),
                        LocalDate.parse(TODAY).plusYears(2).toString()),
                "/dueDate");
        refused(informationRequest(List.of("/wohnung/bruttokaltmiete_eur"), List.of(), "morgen"), "/dueDate");
        stillInReview();
        // Today itself is a (short) deadline.
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(informationRequest(List.of("/wohnung/bruttokaltmiete_eur"), List.of("mietbescheinigung"), TODAY))
                .post("/cases/" + caseId + "/information-requests")
                .then()
                .statusCode(201);
    }

    @Test
    void aDecisionHasAKnownOutcomeAndTextsOfSensibleLength() {
        refused("/decision", Map.of("outcome", "MAYBE", "reasoning", "r", "noticeText", "n"), "/outcome")
                .body("violations[0].message", containsString("APPROVED"));
        refused(
                "/decision",
                Map.of("outcome", "APPROVED", "reasoning", "", "noticeText", " \n "),
                "/reasoning",
                "/noticeText");
        refused(
                        "/decision",
                        Map.of("outcome", "APPROVED", "reasoning", "r".repeat(20_001), "noticeText", "n"),
                        "/reasoning")
                .body("violations[0].keyword", equalTo("maxLength"));
        refused("/decision", Map.of(), "/outcome", "/reasoning", "/noticeText");
        stillInReview();
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "REJECTED",
                        "reasoning",
                        "r".repeat(20_000),
                        "noticeText",
                        "Der Antrag wird abgelehnt."))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(201);
    }

    @Test
    void aNoteHasText() {
        refused("/notes", Map.of("text", "  "), "/text");
        refused("/notes", Map.of("text", "t".repeat(5_001)), "/text");
        refused("/notes", Map.of(), "/text");
        given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "t".repeat(5_000)))
                .post("/cases/" + caseId + "/notes")
                .then()
                .statusCode(204);
    }

    @Test
    void anAssignmentKeepsToItsLimits() {
        refused("/assign", Map.of("assignee", "a".repeat(101)), "/assignee");
        refused("/assign", Map.of("takeOver", true, "reason", "r".repeat(501)), "/reason");
        refused("/assign", Map.of("takeOver", "yes"), "/takeOver");
    }

    private static Map<String, Object> informationRequest(List<String> fields, List<String> documents, String dueDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", "Bitte ergänzen Sie die Angaben.");
        body.put("fields", fields);
        body.put("documents", documents);
        body.put("dueDate", dueDate);
        return body;
    }

    private ValidatableResponse refused(Map<String, Object> body, String... pointers) {
        return refused("/information-requests", body, pointers);
    }

    private ValidatableResponse refused(String step, Map<String, Object> body, String... pointers) {
        return given().auth()
                .oauth2(CLERK)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/cases/" + caseId + step)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/validation-failed"))
                .body("violations.pointer", hasItems(pointers))
                .body("violations.size()", equalTo(pointers.length));
    }

    private void stillInReview() {
        given().auth().oauth2(CLERK).get("/cases/" + caseId).then().body("status", equalTo("IN_REVIEW"));
    }

    /** Lists that may hold nulls, which List.of refuses. */
    private static final class Arrays {
        @SafeVarargs
        static <T> List<T> list(T... values) {
            return java.util.Arrays.asList(values);
        }
    }
}
