package org.amtsweg.identity.authorize;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.amtsweg.identity.token.OpaqueTokens;
import org.junit.jupiter.api.Test;

/**
 * The upstream provider's answer counts only in the browser that started the delegated login: an attacker
 * who logs in at the upstream herself and sends her callback address to a victim must not log the
 * victim's browser into her account. (The upstream itself is not needed: the answer here is a refusal.)
 */
@QuarkusTest
class UpstreamCallbackBindingTest {

    @Inject
    Pool pool;

    @Test
    void theCallbackIsRefusedInAnotherBrowserAndAcceptedInTheOneThatStartedIt() {
        Browser attacker = new Browser();
        Map<String, String> fields = Browser.formFields(attacker.authorize(Map.of()), "eid");
        String state = startedUpstreamLogin(fields.get("request"));

        // The victim's browser (its own login cookie, or none) follows the attacker's callback address.
        Browser victim = new Browser();
        victim.authorize(Map.of());
        for (String cookie : new String[] {victim.loginCookie, null}) {
            var request = given().redirects().follow(false);
            if (cookie != null) {
                request.cookie(BrowserBinding.COOKIE, cookie);
            }
            Response refused = request.queryParams(Map.of("state", state, "error", "access_denied"))
                    .get("/authorize/upstream/callback");
            refused.then().statusCode(403).body(containsString("nicht in diesem Browser"));
            assertThat(refused.getCookie(AuthorizeResource.SESSION_COOKIE)).isNull();
            state = startedUpstreamLogin(fields.get("request"));
        }

        // In the browser that started it, the (here: failed) upstream login goes back to the client.
        Response back = given().redirects()
                .follow(false)
                .cookie(BrowserBinding.COOKIE, attacker.loginCookie)
                .queryParams(Map.of("state", state, "error", "access_denied"))
                .get("/authorize/upstream/callback");
        back.then().statusCode(303);
        assertThat(Browser.redirectParameters(back))
                .containsEntry("error", "access_denied")
                .containsEntry("state", attacker.state);
    }

    /** What POST /authorize/upstream records before it sends the browser to the upstream provider. */
    private String startedUpstreamLogin(String requestId) {
        String state = OpaqueTokens.random();
        pool.preparedQuery(
                        "INSERT INTO upstream_login (state, request_id, verifier, nonce, created_at) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(
                        state,
                        requestId,
                        OpaqueTokens.random(),
                        OpaqueTokens.random(),
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .await()
                .indefinitely();
        return state;
    }
}
