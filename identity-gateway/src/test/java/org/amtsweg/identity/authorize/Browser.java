package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.amtsweg.identity.token.OpaqueTokens;
import org.apache.http.NameValuePair;
import org.apache.http.client.utils.URLEncodedUtils;

/**
 * A person's browser and the citizen portal in one: starts the code flow with PKCE, follows the login
 * page's forms as a browser would, and exchanges the code. Redirects are not followed, so that each
 * step can be checked.
 */
public final class Browser {

    public static final String PORTAL = "citizen-portal";
    public static final String CALLBACK = "http://127.0.0.1:3000/callback";

    public final String verifier = OpaqueTokens.random() + OpaqueTokens.random().substring(0, 10);
    public final String state = OpaqueTokens.random();
    public final String nonce = OpaqueTokens.random();
    public String sessionCookie;
    /** The login page's browser binding cookie ({@link BrowserBinding}), kept as a browser keeps it. */
    public String loginCookie;

    /** GET /authorize with the given extra parameters (they replace the defaults). */
    public Response authorize(Map<String, String> overrides) {
        Map<String, String> params = new HashMap<>(Map.of(
                "response_type",
                "code",
                "client_id",
                PORTAL,
                "redirect_uri",
                CALLBACK,
                "scope",
                "openid profile address",
                "state",
                state,
                "nonce",
                nonce,
                "code_challenge",
                OpaqueTokens.s256Challenge(verifier),
                "code_challenge_method",
                "S256"));
        params.putAll(overrides);
        params.values().removeIf(value -> value == null);
        var request = given().redirects().follow(false).queryParams(params);
        if (sessionCookie != null) {
            request.cookie(AuthorizeResource.SESSION_COOKIE, sessionCookie);
        }
        if (loginCookie != null) {
            request.cookie(BrowserBinding.COOKIE, loginCookie);
        }
        Response response = request.get("/authorize");
        if (response.getCookie(BrowserBinding.COOKIE) != null) {
            loginCookie = response.getCookie(BrowserBinding.COOKIE);
        }
        return response;
    }

    /** The hidden fields {@code request} and {@code csrf} of the login page's form for {@code method}. */
    public static Map<String, String> formFields(Response loginPage, String method) {
        String form = "**.find { it.name() == 'form' && it.input.find { i -> i.@name == 'method' }.@value == '" + method
                + "' }";
        return Map.of(
                "request",
                loginPage.htmlPath().getString(form + ".input.find { it.@name == 'request' }.@value"),
                "csrf",
                loginPage.htmlPath().getString(form + ".input.find { it.@name == 'csrf' }.@value"));
    }

    /** Submits the login page's form for {@code method}, as the person would. */
    public Response login(Response loginPage, String method, String username, String password) {
        Map<String, String> fields = formFields(loginPage, method);
        var post = given().redirects()
                .follow(false)
                .formParams(Map.of(
                        "request",
                        fields.get("request"),
                        "csrf",
                        fields.get("csrf"),
                        "method",
                        method,
                        "username",
                        username,
                        "password",
                        password));
        if (loginCookie != null) {
            post.cookie(BrowserBinding.COOKIE, loginCookie);
        }
        Response response = post.post("/authorize/login");
        if (response.getCookie(AuthorizeResource.SESSION_COOKIE) != null) {
            sessionCookie = response.getCookie(AuthorizeResource.SESSION_COOKIE);
        }
        return response;
    }

    /** The query parameters of a redirect's Location. */
    public static Map<String, String> redirectParameters(Response redirect) {
        Map<String, String> params = new HashMap<>();
        for (NameValuePair pair :
                URLEncodedUtils.parse(URI.create(redirect.getHeader("Location")), StandardCharsets.UTF_8)) {
            params.put(pair.getName(), pair.getValue());
        }
        return params;
    }

    public Response exchange(String code) {
        return given().formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        PORTAL,
                        "code",
                        code,
                        "redirect_uri",
                        CALLBACK,
                        "code_verifier",
                        verifier))
                .post("/token");
    }

    /** The whole flow for a citizen with her eID card; returns the token response. */
    public Response loginWithEid(String card) {
        Response page = authorize(Map.of());
        Response redirect = login(page, "eid", card, "123456");
        return exchange(redirectParameters(redirect).get("code"));
    }
}
