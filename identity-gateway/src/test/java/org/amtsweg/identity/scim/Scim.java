package org.amtsweg.identity.scim;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.identity.authorize.BrowserBinding;

/** The SCIM clients of the tests (the operator's and Stadt Witten's identity management) and what they send. */
final class Scim {

    static final String OPERATOR = "scim-operator";
    static final String WITTEN = "scim-stadt-witten";
    static final String MEDIA = "application/scim+json";
    static final String STRONG_PASSWORD = "Witten-Rathaus-2026!";

    private Scim() {}

    static String token(String client) {
        String secret = client.equals(OPERATOR) ? "test-scim-operator-secret" : "test-scim-witten-secret";
        return given().formParams(
                        Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static RequestSpecification as(String client) {
        return given().auth()
                .oauth2(token(client))
                .contentType(MEDIA + "; charset=UTF-8")
                .accept(MEDIA);
    }

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static String user(String userName, String authority) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName": "%s", "externalId": "ext-%s", "name": {"givenName": "Clara", "familyName": "Klein"},
                 "emails": [{"value": "%s@witten.example", "primary": true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"organization": "%s"}}""".formatted(userName, userName, userName, authority);
    }

    static Response create(String client, String userName, String authority) {
        return as(client).body(user(userName, authority)).post("/scim/v2/Users");
    }

    static String patchOp(String operations) {
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [" + operations
                + "]}";
    }

    /** The group authority/role, created by the client if it is not there yet; its id. */
    static String group(String client, String displayName) {
        Response found = as(client)
                .queryParam("filter", "displayName eq \"" + displayName + "\"")
                .get("/scim/v2/Groups");
        if (found.<Integer>path("totalResults") > 0) {
            return found.path("Resources[0].id");
        }
        return as(client)
                .body("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \""
                        + displayName + "\"}")
                .post("/scim/v2/Groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void join(String client, String groupId, String userId) {
        as(client)
                .body(patchOp("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + userId + "\"}]}"))
                .patch("/scim/v2/Groups/" + groupId)
                .then()
                .statusCode(200);
    }

    /** Follows the activation link as the new member of staff's browser would and sets the password. */
    static Response activate(String activationUrl, String password, String confirmation) {
        String path = activationUrl.substring(activationUrl.indexOf("/activate"));
        Response page = given().get(path);
        page.then().statusCode(200);
        String cookie = page.getCookie(BrowserBinding.COOKIE);
        return given().cookie(BrowserBinding.COOKIE, cookie)
                .formParams(Map.of(
                        "token",
                        page.htmlPath().getString("**.find { it.@name == 'token' }.@value"),
                        "csrf",
                        page.htmlPath().getString("**.find { it.@name == 'csrf' }.@value"),
                        "password",
                        password,
                        "confirmation",
                        confirmation))
                .post("/activate");
    }

    /** A Witten clerk created over SCIM, in the group stadt-witten/clerk, activated with {@link #STRONG_PASSWORD}; her SCIM id. */
    static String activatedWittenClerk(String userName) {
        Response created = create(WITTEN, userName, "stadt-witten");
        created.then().statusCode(201);
        join(WITTEN, group(WITTEN, "stadt-witten/clerk"), created.path("id"));
        activate(
                        created.path("'urn:amtsweg:params:scim:schemas:extension:activation:2.0:User'.activationUrl"),
                        STRONG_PASSWORD,
                        STRONG_PASSWORD)
                .then()
                .statusCode(200);
        return created.path("id");
    }
}
