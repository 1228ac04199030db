package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The portal's registrations: a backend-for-frontend is a confidential client, so its code is worth
 * nothing without its secret; its citizen and staff tenants return to their own callbacks and come
 * back from the gateway's logout to the portal's page.
 */
@QuarkusTest
class PortalClientTest {

    private static final String CITIZEN_CALLBACK = "http://127.0.0.1:8084/anmeldung";
    private static final String STAFF_CALLBACK = "http://127.0.0.1:8084/sachbearbeitung/anmeldung";

    @Test
    void theCitizenTenantsCodeNeedsThePortalsSecret() throws Exception {
        Browser browser = new Browser();
        Response page = browser.authorize(
                Map.of("client_id", "portal", "redirect_uri", CITIZEN_CALLBACK, "acr_values", "substantial"));
        Response redirect = browser.login(page, "eid", "erika", "123456");
        assertThat(redirect.getHeader("Location")).startsWith(CITIZEN_CALLBACK + "?");
        String code = Browser.redirectParameters(redirect).get("code");
        Map<String, String> exchange = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                CITIZEN_CALLBACK,
                "code_verifier",
                browser.verifier);

        given().formParams(exchange)
                .formParam("client_id", "portal")
                .post("/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        Response tokens = given().auth()
                .preemptive()
                .basic("portal", "local-portal-secret")
                .formParams(exchange)
                .post("/token");
        tokens.then().statusCode(200);
        var id = SignedJWT.parse(tokens.path("id_token")).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly("portal");
        var access = SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet();
        assertThat(access.getAudience()).contains("application-service").doesNotContain("case-service");
        assertThat(access.getStringClaim("municipality")).isEqualTo("05914000");
    }

    @Test
    void theStaffTenantGetsTheClerksAuthorityAndLogsOutBackToThePortal() throws Exception {
        Browser browser = new Browser();
        Response page = browser.authorize(
                Map.of("client_id", "portal-staff", "redirect_uri", STAFF_CALLBACK, "scope", "openid profile"));
        Response redirect = browser.login(page, "password", "clerk.hagen", "Hagen-Demo-2026");
        Response tokens = given().auth()
                .preemptive()
                .basic("portal-staff", "local-portal-staff-secret")
                .formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        Browser.redirectParameters(redirect).get("code"),
                        "redirect_uri",
                        STAFF_CALLBACK,
                        "code_verifier",
                        browser.verifier))
                .post("/token");
        tokens.then().statusCode(200);
        var access = SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet();
        assertThat(access.getStringClaim("authority")).isEqualTo("stadt-hagen");
        assertThat(access.getAudience()).contains("case-service").doesNotContain("application-service");

        Response logout = given().redirects()
                .follow(false)
                .queryParams(Map.of(
                        "id_token_hint",
                        tokens.path("id_token"),
                        "post_logout_redirect_uri",
                        "http://127.0.0.1:8084/abgemeldet",
                        "state",
                        "s1"))
                .get("/end-session");
        logout.then().statusCode(303);
        assertThat(logout.getHeader("Location")).isEqualTo("http://127.0.0.1:8084/abgemeldet?state=s1");
    }
}
