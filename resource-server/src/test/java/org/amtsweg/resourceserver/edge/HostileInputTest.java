package org.amtsweg.resourceserver.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a sender sees when a body or a parameter breaks the platform's rules: a 4xx problem, never a 5xx. */
@QuarkusTest
class HostileInputTest {

    @Test
    void ordinaryInputPassesUnchanged() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"text\": \"Rathausstraße 11 👩\", \"count\": 2, \"due\": \"2026-12-24\", \"outcome\": \"APPROVED\","
                                + " \"tags\": [\"a\"], \"amount\": 650.5}")
                .post("/echo/note")
                .then()
                .statusCode(200)
                .body("text", equalTo("Rathausstraße 11 👩"))
                .body("amount", equalTo(650.5f))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void nulInATypedStringIsRefusedAtItsPointer() {
        Response answer = post("/echo/note", "{\"text\": \"Er\\u0000ika\"}");
        assertProblem(answer, 422, "validation-failed");
        answer.then()
                .body("violations.pointer", hasItem("/text"))
                .body("violations[0].keyword", equalTo("text"))
                .body("violations[0].message", equalTo("Der Text enthält ein nicht erlaubtes Zeichen (U+0000)."));
    }

    @Test
    void loneSurrogatesAndXmlForbiddenControlsInFreeDataAreRefused() {
        Response answer =
                put("/echo/data", "{\"a\": {\"b\": [\"ok\", \"\\ud800\"]}, \"c\": \"\\u000b\", \"d\": \"\\ufffe\"}");
        assertProblem(answer, 422, "validation-failed");
        answer.then().body("violations.pointer", equalTo(List.of("/a/b/1", "/c", "/d")));
    }

    @Test
    void beanValidationFindingsHaveTheOneViolationShapeInWordsAPersonWrites() {
        Response answer = post(
                "/echo/letter",
                "{\"subject\": \"Widerspruch gegen den Bescheid\", \"postalCodes\": [\"58095\", \"5809\"]}");
        assertProblem(answer, 422, "validation-failed");
        answer.then()
                .body("violations.pointer", equalTo(List.of("/postalCodes/1", "/subject")))
                .body("violations[0].keyword", equalTo("pattern"))
                .body("violations[1].keyword", equalTo("maxLength"))
                .body("violations[1].message", equalTo("Höchstens 10 Zeichen."))
                .body("violations[1].messageEn", equalTo("At most 10 characters."));
        assertProblem(post("/echo/letter", "{\"postalCodes\": []}"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo("/subject"))
                .body("violations[0].keyword", equalTo("required"))
                .body("violations[0].message", equalTo("Bitte machen Sie hier eine Angabe."));
    }

    @Test
    void anUnreadableMultipartBodyIsMalformedNotAFailure() {
        assertProblem(
                given().contentType("multipart/form-data; boundary=AAAA")
                        .body("--BBBB\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nx\r\n--BBBB--\r\n"
                                .getBytes(StandardCharsets.UTF_8))
                        .post("/echo/upload"),
                400,
                "malformed-body");
        assertProblem(
                given().contentType("multipart/form-data; boundary=AAAA")
                        .body("--AAAA\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmiet"
                                .getBytes(StandardCharsets.UTF_8))
                        .post("/echo/upload"),
                400,
                "malformed-body");
        given().multiPart("kind", "mietbescheinigung")
                .post("/echo/upload")
                .then()
                .statusCode(200)
                .body(equalTo("mietbescheinigung"));
    }

    @Test
    void aNumberIsNoText() {
        Response answer = post("/echo/note", "{\"text\": 12345}");
        assertProblem(answer, 422, "validation-failed");
        answer.then()
                .body("violations[0].pointer", equalTo("/text"))
                .body("violations[0].message", equalTo("Text erwartet."));
    }

    @Test
    void nonFiniteNumbersAreRefusedInTypedAndFreeData() {
        assertProblem(post("/echo/note", "{\"amount\": 1e400}"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo("/amount"));
        assertProblem(put("/echo/data", "{\"x\": [1, -1e400]}"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo("/x/1"));
    }

    @Test
    void wrongShapesNameTheirPointerInTheSendersTerms() {
        assertProblem(post("/echo/note", "{\"due\": \"2023-02-30\"}"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo("/due"));
        assertProblem(post("/echo/note", "{\"outcome\": \"MAYBE\"}"), 422, "validation-failed")
                .then()
                .body("violations[0].message", equalTo("Einer der Werte APPROVED, REJECTED erwartet."));
        assertProblem(post("/echo/note", "{\"count\": 1.5}"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo("/count"));
        assertProblem(post("/echo/note", "{\"tags\": {\"x\": 1}}"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo("/tags"));
        assertProblem(post("/echo/note", "[{\"text\": \"x\"}]"), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo(""));
    }

    @Test
    void unreadableBodiesAre400WithAProblem() {
        assertProblem(post("/echo/note", "{\"text\": "), 400, "malformed-body");
        assertProblem(put("/echo/data", "{\"a\": 1, \"a\": 2}"), 400, "malformed-body");
        assertProblem(put("/echo/data", "[".repeat(10_000) + "]".repeat(10_000)), 400, "malformed-body");
        assertProblem(
                put("/echo/data", "{\"text\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                400,
                "malformed-body");
        // In a typed field the first bracket is already the wrong type.
        assertProblem(
                post("/echo/note", "{\"text\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                422,
                "validation-failed");
        Response trailing = put("/echo/data", "{\"a\": 1} {\"b\": 2}");
        assertThat(trailing.statusCode()).isBetween(400, 422);
        assertNoInternals(trailing);
    }

    @Test
    void aMissingBodyIsNamed() {
        assertProblem(post("/echo/note", ""), 422, "validation-failed")
                .then()
                .body("violations[0].pointer", equalTo(""))
                .body("violations[0].keyword", equalTo("required"));
    }

    @Test
    void anOverlongFormFieldIsRefusedWithAProblem() {
        assertProblem(given().formParam("name", "x".repeat(10_000)).post("/echo/form"), 413, "request-too-large");
        given().formParam("name", "Hagen")
                .post("/echo/form")
                .then()
                .statusCode(200)
                .body(equalTo("Hagen"));
    }

    @Test
    void parametersFollowTheSameTextRule() throws Exception {
        assertProblem(given().urlEncodingEnabled(false).get("/echo/items/key?q=a%00b"), 400, "invalid-parameter")
                .then()
                .body("parameter", equalTo("q"));
        assertProblem(given().urlEncodingEnabled(false).get("/echo/items/k%01y"), 400, "invalid-parameter")
                .then()
                .body("parameter", equalTo("key"));
        String undecodable =
                RawHttp.exchange("GET /echo/items/key?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        // The HTTP server itself refuses a request line that is no valid URI, before any handler runs:
        // a 400 without a body, and the connection closed. No service code sees it.
        assertThat(undecodable).startsWith("HTTP/1.1 400");
        given().get("/echo/items/Wohngeld?q=Hagen").then().statusCode(200).body(equalTo("Wohngeld:Hagen"));
    }

    @Test
    void typedParametersThatDoNotConvertAreNamed() {
        String id = UUID.randomUUID().toString();
        assertProblem(given().get("/echo/cases/not-a-uuid"), 400, "invalid-parameter")
                .then()
                .body("parameter", equalTo("id"));
        assertProblem(given().get("/echo/cases/" + id + "?limit=abc"), 400, "invalid-parameter")
                .then()
                .body("parameter", equalTo("limit"));
        assertProblem(given().get("/echo/cases/" + id + "?open=notabool"), 400, "invalid-parameter")
                .then()
                .body("parameter", equalTo("open"));
        given().get("/echo/cases/" + id + "?limit=5&open=true")
                .then()
                .statusCode(200)
                .body(equalTo(id + ":5:true"));
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        assertProblem(given().get("/nowhere"), 404, "not-found");
        assertProblem(given().delete("/echo/note"), 405, "method-not-allowed");
        assertProblem(given().contentType("text/csv").body("a,b").post("/echo/note"), 415, "unsupported-media-type");
    }

    @Test
    void malformedMediaTypeHeadersAreTheSendersError() throws Exception {
        for (String header : new String[] {
            "Accept: ",
            "Accept: ;;;",
            "Accept: text/",
            "Accept: */*;q=abc",
            "Content-Type: application/",
            "Content-Type: ;charset=x"
        }) {
            String answer =
                    RawHttp.exchange("POST /echo/note HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + header
                            + "\r\n" + (header.startsWith("Content-Type") ? "" : "Content-Type: application/json\r\n")
                            + "Content-Length: 2\r\n\r\n{}");
            assertThat(answer).as(header).matches("(?s)HTTP/1.1 (2|4)\\d\\d .*");
            assertThat(answer).as(header).doesNotContain("Exception");
        }
    }

    @Test
    void anOversizeBodyIsRefusedWithAProblem() {
        String big = "{\"text\": \"" + "x".repeat(100_000) + "\"}";
        assertProblem(post("/echo/note", big), 413, "request-too-large");
    }

    @Test
    void anOversizeChunkedBodyIsRefusedWithAProblem() throws Exception {
        byte[] big = ("{\"text\": \"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // No Content-Length: the body comes in chunks, so only counting can notice its size.
        Response answer = given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big))
                .post("/echo/note");
        assertProblem(answer, 413, "request-too-large");
        byte[] small = "{\"text\": \"klein\"}".getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(small))
                .post("/echo/note")
                .then()
                .statusCode(200)
                .body("text", equalTo("klein"));
    }

    private static Response post(String path, String json) {
        return given().contentType(ContentType.JSON)
                .body(json.getBytes(StandardCharsets.UTF_8))
                .post(path);
    }

    private static Response put(String path, String json) {
        return given().contentType(ContentType.JSON)
                .body(json.getBytes(StandardCharsets.UTF_8))
                .put(path);
    }

    private static Response assertProblem(Response answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("type")).isEqualTo("https://amtsweg.org/problems/" + type);
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertNoInternals(answer);
        return answer;
    }

    private static void assertNoInternals(Response answer) {
        assertThat(answer.asString())
                .doesNotContainPattern("(java|javax|jakarta|org|com|io)\\.[a-z]+\\.|Exception|\\$[A-Z]");
    }
}
