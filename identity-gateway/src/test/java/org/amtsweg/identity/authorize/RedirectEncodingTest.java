package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6749 §4.1.2: the client gets back exactly the {@code state} it sent — in the code redirect, in
 * error redirects and after logout. The Location is decoded with a real URI parser here.
 */
@QuarkusTest
class RedirectEncodingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"to\":\"/antrag\"}",
                "a%25b",
                "a%b",
                "a b+c&d=e",
                "Grüße aus Hagen 🏛 – ✓",
                "{state}",
                "x=1;y=2#frag"
            })
    void theStateComesBackExactlyWithTheCode(String state) {
        Browser browser = new Browser();
        Response redirect = browser.login(browser.authorize(Map.of("state", state)), "eid", "erika", "123456");
        redirect.then().statusCode(303);
        Map<String, String> callback = Browser.redirectParameters(redirect);
        assertThat(callback)
                .containsEntry("state", state)
                .containsKey("code")
                .containsEntry("iss", "http://127.0.0.1:8080");
        assertThat(redirect.getHeader("Location")).startsWith(Browser.CALLBACK + "?");
        browser.exchange(callback.get("code")).then().statusCode(200);

        // Single sign-on answers without the login page, with the same encoding.
        Response again = browser.authorize(Map.of("state", state));
        again.then().statusCode(303);
        assertThat(Browser.redirectParameters(again)).containsEntry("state", state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"to\":\"/antrag\"}", "a%25b", "a b+c&d=e", "Grüße 🏛"})
    void theStateComesBackExactlyWithAnError(String state) {
        Response redirect = new Browser().authorize(Map.of("state", state, "code_challenge_method", "plain"));
        redirect.then().statusCode(303);
        assertThat(Browser.redirectParameters(redirect))
                .containsEntry("state", state)
                .containsEntry("error", "invalid_request")
                .containsEntry("error_description", "code_challenge_method must be S256; plain is not accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"to\":\"/antrag\"}", "a%25b", "a b+c&d=e", "Grüße 🏛"})
    void theStateComesBackExactlyAfterLogout(String state) {
        Response tokens = new Browser().loginWithEid("erika");
        Response logout = given().redirects()
                .follow(false)
                .queryParams(Map.of(
                        "id_token_hint",
                        tokens.path("id_token"),
                        "post_logout_redirect_uri",
                        "http://127.0.0.1:3000/",
                        "state",
                        state))
                .get("/end-session");
        logout.then().statusCode(303);
        assertThat(logout.getHeader("Location")).startsWith("http://127.0.0.1:3000/?");
        assertThat(Browser.redirectParameters(logout)).containsEntry("state", state);
    }
}
