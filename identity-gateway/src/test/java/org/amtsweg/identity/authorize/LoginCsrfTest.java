package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF: an attacker opens a login page herself and makes the victim's browser post her form with
 * her credentials, so that the victim works in the attacker's account. The form counts only in the
 * browser that opened the page, and never from another site.
 */
@QuarkusTest
class LoginCsrfTest {

    @Test
    void theLoginPageBindsItselfToTheBrowserWithAnHttpOnlySameSiteCookie() {
        Response page = new Browser().authorize(Map.of());
        page.then().statusCode(200).header("Referrer-Policy", "same-origin");
        String setCookie = page.getHeaders().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(BrowserBinding.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    }

    @Test
    void theAttackersFormPostedWithoutTheCookieIsRefused() {
        Browser attacker = new Browser();
        Map<String, String> fields = Browser.formFields(attacker.authorize(Map.of()), "eid");
        Response post = given().redirects()
                .follow(false)
                .formParams(form(fields, "max", "123456"))
                .post("/authorize/login");
        post.then().statusCode(403).body(containsString("in diesem Browser"));
        assertThat(post.getCookie(AuthorizeResource.SESSION_COOKIE)).isNull();
    }

    @Test
    void theAttackersFormPostedWithTheVictimsCookieIsRefused() {
        Browser attacker = new Browser();
        Map<String, String> fields = Browser.formFields(attacker.authorize(Map.of()), "eid");
        Browser victim = new Browser();
        victim.authorize(Map.of()).then().statusCode(200);
        assertThat(victim.loginCookie).isNotNull().isNotEqualTo(attacker.loginCookie);

        Response post = given().redirects()
                .follow(false)
                .cookie(BrowserBinding.COOKIE, victim.loginCookie)
                .formParams(form(fields, "max", "123456"))
                .post("/authorize/login");
        post.then().statusCode(403);
        assertThat(post.getCookie(AuthorizeResource.SESSION_COOKIE)).isNull();
    }

    @Test
    void aCrossSitePostIsRefusedEvenWithTheRightCookie() {
        for (Map<String, String> headers : new Map[] {
            Map.of("Origin", "https://evil.example"),
            Map.of("Origin", "null"),
            Map.of("Sec-Fetch-Site", "cross-site"),
            Map.of("Sec-Fetch-Site", "same-site")
        }) {
            Browser attacker = new Browser();
            Map<String, String> fields = Browser.formFields(attacker.authorize(Map.of()), "eid");
            Response post = given().redirects()
                    .follow(false)
                    .headers(headers)
                    .cookie(BrowserBinding.COOKIE, attacker.loginCookie)
                    .formParams(form(fields, "max", "123456"))
                    .post("/authorize/login");
            post.then().statusCode(403).contentType(containsString("text/html")).body(containsString("fremden Seite"));
            assertThat(post.getCookie(AuthorizeResource.SESSION_COOKIE))
                    .as("no session for %s", headers)
                    .isNull();
        }
        given().redirects()
                .follow(false)
                .header("Origin", "https://evil.example")
                .formParams(Map.of("request", "x", "csrf", "y"))
                .post("/authorize/upstream")
                .then()
                .statusCode(403);
    }

    @Test
    void theBrowsersOwnPostWithItsOwnOriginLogsIn() {
        Browser browser = new Browser();
        Map<String, String> fields = Browser.formFields(browser.authorize(Map.of()), "eid");
        Response post = given().redirects()
                .follow(false)
                .headers(Map.of("Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin"))
                .cookie(BrowserBinding.COOKIE, browser.loginCookie)
                .formParams(form(fields, "erika", "123456"))
                .post("/authorize/login");
        post.then().statusCode(303);
        assertThat(post.getCookie(AuthorizeResource.SESSION_COOKIE)).isNotBlank();
        assertThat(Browser.redirectParameters(post)).containsKey("code");
    }

    @Test
    void twoLoginPagesInOneBrowserShareTheBindingAndBothWork() {
        Browser browser = new Browser();
        Response first = browser.authorize(Map.of());
        String cookie = browser.loginCookie;
        Response second = browser.authorize(Map.of("prompt", "login"));
        assertThat(browser.loginCookie).isEqualTo(cookie);
        browser.login(first, "eid", "erika", "123456").then().statusCode(303);
        browser.login(second, "eid", "erika", "123456").then().statusCode(303);
    }

    private static Map<String, String> form(Map<String, String> fields, String username, String pin) {
        Map<String, String> form = new HashMap<>(fields);
        form.putAll(Map.of("method", "eid", "username", username, "password", pin));
        return form;
    }
}
