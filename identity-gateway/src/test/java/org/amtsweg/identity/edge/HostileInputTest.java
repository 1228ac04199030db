package org.amtsweg.identity.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.amtsweg.identity.authorize.Browser;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing hostile gets a 5xx: undecodable form bodies and text outside the platform's rule (XML 1.0
 * characters) are refused with 400, as OAuth errors at the OAuth endpoints and as a page at the login.
 */
@QuarkusTest
class HostileInputTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @ParameterizedTest
    @ValueSource(strings = {"/token", "/introspect", "/revoke"})
    void malformedPercentEncodingAtAnOAuthEndpointIsAnInvalidRequest(String endpoint) {
        for (String body :
                new String[] {"grant_type=client_credentials&client_id=%zz", "token=abc%", "token=%e", "%zz=1"}) {
            given().auth()
                    .preemptive()
                    .basic("application-service", "local-application-secret")
                    .contentType(FORM)
                    .body(body)
                    .post(endpoint)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("application/json"))
                    .header("Cache-Control", "no-store")
                    .body("error", equalTo("invalid_request"))
                    .body("error_description", containsString("percent-encoding"));
        }
    }

    @Test
    void malformedPercentEncodingAtTheLoginIsABadRequestPage() {
        given().contentType(FORM)
                .body("request=%zz&csrf=x&method=eid&username=erika&password=123456")
                .post("/authorize/login")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("Prozent-Kodierung"));
        given().contentType(FORM)
                .body("request=%zz")
                .post("/authorize/upstream")
                .then()
                .statusCode(400);
    }

    @Test
    void anApiClientGetsTheRefusalAsAProblemOfARegisteredType() {
        given().contentType(FORM)
                .body("x=%zz")
                .post("/admin/keys/rotate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/malformed-parameters"))
                .body("title", equalTo("Parameter nicht lesbar / Parameters unreadable"));
        given().urlEncodingEnabled(false)
                .post("/admin/keys/rotate?x=a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/invalid-parameter"))
                .body("parameter", equalTo("x"));
        given().post("/admin/keys/rotate")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/unauthorized"))
                .body("title", equalTo("Anmeldung erforderlich / Authentication required"));
    }

    @Test
    void aNulInTheUsernameOfThePasswordGrantIsAnInvalidRequestNamingIt() {
        given().contentType(FORM)
                .body("grant_type=password&client_id=amtsweg-cli&username=clerk%00.hagen&password=x")
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("error_description", containsString("username"))
                .body("error_description", containsString("U+0000"));
    }

    @Test
    void otherForbiddenCharactersAreRefusedToo() {
        // a C0 control, U+FFFF (a noncharacter), in a value and in a parameter name
        for (String body : new String[] {"token=a%01b", "token=a%EF%BF%BFb", "to%00ken=a"}) {
            given().auth()
                    .preemptive()
                    .basic("application-service", "local-application-secret")
                    .contentType(FORM)
                    .body(body)
                    .post("/introspect")
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("invalid_request"));
        }
    }

    @Test
    void aNulInTheLoginFormIsABadRequestPageNamingTheField() {
        Browser browser = new Browser();
        Map<String, String> fields = Browser.formFields(browser.authorize(Map.of()), "password");
        for (String field : new String[] {"username", "request", "password"}) {
            Map<String, String> values = new HashMap<>(Map.of(
                    "request",
                    fields.get("request"),
                    "csrf",
                    fields.get("csrf"),
                    "method",
                    "password",
                    "username",
                    "clerk.hagen",
                    "password",
                    "Hagen-Demo-2026"));
            values.put(field, values.get(field) + "\u0000");
            given().redirects()
                    .follow(false)
                    .cookie("amtsweg_login", browser.loginCookie)
                    .formParams(values)
                    .post("/authorize/login")
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("Der Parameter " + field))
                    .body(containsString("U+0000"));
        }
        // The page itself is intact: the same form still logs in.
        browser.login(
                        browser.authorize(Map.of(
                                "client_id",
                                "clerk-ui",
                                "redirect_uri",
                                "http://127.0.0.1:3001/callback",
                                "scope",
                                "openid")),
                        "password",
                        "clerk.hagen",
                        "Hagen-Demo-2026")
                .then()
                .statusCode(303);
    }

    @Test
    void aNulInAQueryParameterOfThePagesIsABadRequestPage() {
        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .get("/authorize/upstream/callback?code=x&state=a%00b")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Der Parameter state"));
        Response authorize = given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .get("/authorize?response_type=code&client_id=citizen-portal&state=%00");
        authorize.then().statusCode(400).contentType(containsString("text/html"));
        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .get("/end-session?state=%EF%BF%BE")
                .then()
                .statusCode(400)
                .body(containsString("U+FFFE"));
    }

    @Test
    void aFieldLongerThanTheFormLimitIsAnInvalidRequest() {
        given().auth()
                .preemptive()
                .basic("application-service", "local-application-secret")
                .contentType(FORM)
                .body("token=" + "a".repeat(5000))
                .post("/introspect")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void theJwksIsServedForEveryAcceptThatAsksForJson() {
        for (String accept : new String[] {"application/json", "application/jwk-set+json", "*/*", "application/*"}) {
            String body = given().accept(accept)
                    .get("/jwks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Assertions.assertThat(JsonPath.from(body).getList("keys")).isNotEmpty();
        }
        RestAssured.given().header("Accept", "").get("/jwks").then().statusCode(200);
        RestAssured.given().header("Accept", "application/").get("/jwks").then().statusCode(400);
        given().header("Content-Type", "application/;x")
                .body("grant_type=client_credentials".getBytes())
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"));
        given().accept("application/json").get("/jwks").then().contentType(containsString("application/json"));
        given().get("/jwks").then().contentType(containsString("application/jwk-set+json"));
    }
}
