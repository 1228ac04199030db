package org.amtsweg.identity.scim;

import static io.restassured.RestAssured.given;
import static org.amtsweg.identity.scim.Scim.OPERATOR;
import static org.amtsweg.identity.scim.Scim.STRONG_PASSWORD;
import static org.amtsweg.identity.scim.Scim.WITTEN;
import static org.amtsweg.identity.scim.Scim.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.events.TokensRevoked;
import org.amtsweg.events.Topics;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.identity.authorize.Browser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Connecting Stadt Witten live: its identity management provisions a clerk over SCIM, she sets her password
 * through her activation link and logs in; deactivated, everything she holds ends at once; every change is audited.
 */
@QuarkusTest
class ScimProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aWittenClerkProvisionedOverScimActivatesHerAccountAndLogsInAsWittenClerk() throws Exception {
        String userName = Scim.unique("clerk.witten");
        Response created = Scim.create(WITTEN, userName, "stadt-witten");
        created.then()
                .statusCode(201)
                .contentType(startsWith("application/scim+json"))
                .header("ETag", notNullValue())
                .header("Location", containsString("/scim/v2/Users/"))
                .body("userName", equalTo(userName))
                .body("active", equalTo(true))
                .body("meta.version", equalTo(created.getHeader("ETag")))
                .body("meta.resourceType", equalTo("User"))
                .body(
                        "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.organization",
                        equalTo("stadt-witten"))
                .body("password", equalTo(null));
        String link = created.path("'urn:amtsweg:params:scim:schemas:extension:activation:2.0:User'.activationUrl");
        assertThat(link).startsWith("http://127.0.0.1:8080/activate?token=");
        String id = created.path("id");

        // Before her password is set, no password opens the account.
        Browser early = new Browser();
        early.login(early.authorize(Map.of()), "password", userName, STRONG_PASSWORD)
                .then()
                .statusCode(401);

        String groupId = Scim.group(WITTEN, "stadt-witten/clerk");
        Scim.join(WITTEN, groupId, id);
        as(WITTEN)
                .get("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("groups.display", hasItem("stadt-witten/clerk"));
        as(WITTEN).get("/scim/v2/Groups/" + groupId).then().statusCode(200).body("members.value", hasItem(id));

        // Weak passwords are refused on the page; the link stays usable until it worked once.
        Scim.activate(link, "kurz", "kurz").then().statusCode(400).body(containsString("mindestens 12 Zeichen"));
        Scim.activate(link, STRONG_PASSWORD, "Anders-2026-Passwort!")
                .then()
                .statusCode(400)
                .body(containsString("stimmen nicht überein"));
        Scim.activate(link, STRONG_PASSWORD, STRONG_PASSWORD)
                .then()
                .statusCode(200)
                .body(containsString("Passwort gesetzt"));
        given().get(link.substring(link.indexOf("/activate"))).then().statusCode(410);

        Browser browser = new Browser();
        Response redirect = browser.login(browser.authorize(Map.of()), "password", userName, STRONG_PASSWORD);
        redirect.then().statusCode(303);
        Response tokens = browser.exchange(Browser.redirectParameters(redirect).get("code"));
        JWTClaimsSet claims = SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("clerk");
        assertThat(claims.getStringClaim("authority")).isEqualTo("stadt-witten");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(userName);

        JsonNode audit = administrativeChange(id, "created");
        assertThat(audit.get("service").asText()).isEqualTo("identity-gateway");
        assertThat(audit.get("entity").asText()).isEqualTo("staff-account");
        assertThat(audit.get("authority").asText()).isEqualTo("stadt-witten");
        assertThat(audit.get("actor").asText()).isEqualTo(WITTEN);
        assertThat(audit.get("before").isNull()).isTrue();
        assertThat(audit.get("after").get("userName").asText()).isEqualTo(userName);
        assertThat(audit.get("after").get("active").asBoolean()).isTrue();
        JsonNode joined = administrativeChange(id, "updated");
        assertThat(joined.get("after").get("groups"))
                .extracting(JsonNode::asText)
                .containsExactly("clerk");
        assertThat(joined.toString()).doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    void deactivationEndsHerSessionsRevokesHerTokensAndIsAnnounced() throws Exception {
        String userName = Scim.unique("clerk.witten");
        String id = Scim.activatedWittenClerk(userName);
        Browser browser = new Browser();
        Response redirect = browser.login(browser.authorize(Map.of()), "password", userName, STRONG_PASSWORD);
        Response tokens = browser.exchange(Browser.redirectParameters(redirect).get("code"));
        String sid =
                SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet().getStringClaim("sid");

        as(WITTEN)
                .body(Scim.patchOp("{\"op\": \"replace\", \"value\": {\"active\": false}}"))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));

        given().formParams(Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        Browser.PORTAL,
                        "refresh_token",
                        tokens.path("refresh_token")))
                .post("/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
        Browser again = new Browser();
        again.login(again.authorize(Map.of()), "password", userName, STRONG_PASSWORD)
                .then()
                .statusCode(401);

        List<ConsumerRecord<String, String>> revoked = CloudEventTopics.at(kafka)
                .recordsMatching(
                        Topics.IDENTITY,
                        record -> record.value() != null && record.value().contains(sid),
                        1,
                        Duration.ofSeconds(15));
        assertThat(revoked).hasSize(1);
        JsonNode revocation = JSON.readTree(revoked.get(0).value());
        assertThat(EventContracts.violations(TokensRevoked.TYPE, revocation)).isEmpty();
        assertThat(revocation.get("sid").asText()).isEqualTo(sid);
        assertThat(revocation.get("jtis"))
                .extracting(JsonNode::asText)
                .contains(SignedJWT.parse(tokens.path("access_token"))
                        .getJWTClaimsSet()
                        .getJWTID());
        JsonNode audit = administrativeChange(id, "deactivated");
        assertThat(audit.get("before").get("active").asBoolean()).isTrue();
        assertThat(audit.get("after").get("active").asBoolean()).isFalse();

        // Reactivated, she logs in again with her password.
        as(WITTEN)
                .body(Scim.patchOp("{\"op\": \"replace\", \"path\": \"active\", \"value\": true}"))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
        administrativeChange(id, "reactivated");
        Browser back = new Browser();
        back.login(back.authorize(Map.of()), "password", userName, STRONG_PASSWORD)
                .then()
                .statusCode(303);

        // Leaving her group (a PATCH remove with a value filter), she keeps her account but no longer the role.
        String groupId = Scim.group(WITTEN, "stadt-witten/clerk");
        as(WITTEN)
                .body(Scim.patchOp("{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + id + "\\\"]\"}"))
                .patch("/scim/v2/Groups/" + groupId)
                .then()
                .statusCode(200)
                .body("members.value", not(hasItem(id)));
        as(WITTEN).get("/scim/v2/Users/" + id).then().statusCode(200).body("groups", Matchers.empty());
        assertThat(administrativeChange(id, "updated", 2).get("after").get("groups"))
                .isEmpty(); // joined, then left

        // Deleted, she is gone, and so is anything she held.
        as(WITTEN).delete("/scim/v2/Users/" + id).then().statusCode(204);
        as(WITTEN).get("/scim/v2/Users/" + id).then().statusCode(404).body("status", equalTo("404"));
        assertThat(administrativeChange(id, "deleted").get("after").isNull()).isTrue();
    }

    @Test
    void listsFilterAndPageLikeAnyScimProvider() {
        String prefix = Scim.unique("filter");
        for (String suffix : List.of("a", "b", "c")) {
            Scim.create(OPERATOR, prefix + "." + suffix, "stadt-witten").then().statusCode(201);
        }
        String c = as(OPERATOR)
                .queryParam("filter", "userName eq \"" + prefix + ".c\"")
                .get("/scim/v2/Users")
                .path("Resources[0].id");
        as(OPERATOR)
                .body(Scim.patchOp("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"))
                .patch("/scim/v2/Users/" + c)
                .then()
                .statusCode(200);

        as(OPERATOR)
                .queryParam("filter", "userName sw \"" + prefix + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(3));
        as(OPERATOR)
                .queryParam("filter", "userName sw \"" + prefix + "\"")
                .queryParam("count", 2)
                .get("/scim/v2/Users")
                .then()
                .body("totalResults", equalTo(3))
                .body("itemsPerPage", equalTo(2))
                .body("Resources.userName", hasItem(prefix + ".a"));
        as(OPERATOR)
                .queryParam("filter", "userName sw \"" + prefix + "\"")
                .queryParam("startIndex", 3)
                .queryParam("count", 2)
                .get("/scim/v2/Users")
                .then()
                .body("startIndex", equalTo(3))
                .body("itemsPerPage", equalTo(1))
                .body("Resources[0].userName", equalTo(prefix + ".c"));
        as(OPERATOR)
                .queryParam("filter", "userName sw \"" + prefix + "\" and active eq false")
                .get("/scim/v2/Users")
                .then()
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(c));
        as(OPERATOR)
                .queryParam("filter", "userName eq \"" + prefix + ".a\" or externalId eq \"ext-" + prefix + ".b\"")
                .get("/scim/v2/Users")
                .then()
                .body("totalResults", equalTo(2));
        as(OPERATOR)
                .queryParam("filter", "userName co \"" + prefix.substring(7) + "\" and externalId pr")
                .get("/scim/v2/Users")
                .then()
                .body("totalResults", equalTo(3));
        as(OPERATOR)
                .queryParam("filter", "displayName co \"Klein\" and userName sw \"" + prefix + "\"")
                .get("/scim/v2/Users")
                .then()
                .body("totalResults", equalTo(3));
        as(OPERATOR)
                .queryParam("filter", "userName eq")
                .get("/scim/v2/Users")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/scim+json"))
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("scimType", equalTo("invalidFilter"));
        as(OPERATOR)
                .queryParam("filter", "displayName sw \"stadt-hagen/\"")
                .get("/scim/v2/Groups")
                .then()
                .statusCode(200)
                .body("Resources.displayName", hasItem("stadt-hagen/clerk"));
    }

    @Test
    void etagsGuardChangesAndSpareUnchangedReads() {
        Response created = Scim.create(OPERATOR, Scim.unique("etag"), "stadt-witten");
        String id = created.path("id");
        String etag = created.getHeader("ETag");
        as(OPERATOR)
                .header("If-None-Match", etag)
                .get("/scim/v2/Users/" + id)
                .then()
                .statusCode(304);

        Response patched = as(OPERATOR)
                .header("If-Match", etag)
                .body(Scim.patchOp(
                        "{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Clara Klein (Bürgerbüro)\"}"))
                .patch("/scim/v2/Users/" + id);
        patched.then().statusCode(200).body("displayName", equalTo("Clara Klein (Bürgerbüro)"));
        String newer = patched.getHeader("ETag");
        assertThat(newer).isNotEqualTo(etag);
        as(OPERATOR)
                .header("If-None-Match", etag)
                .get("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .header("ETag", newer);

        as(OPERATOR)
                .header("If-Match", etag)
                .body(Scim.patchOp("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Zu spät\"}"))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(412)
                .contentType(startsWith("application/scim+json"))
                .body("status", equalTo("412"));
        as(OPERATOR)
                .header("If-Match", etag)
                .delete("/scim/v2/Users/" + id)
                .then()
                .statusCode(412);
        String put = Scim.user(created.path("userName"), "stadt-witten").replace("\"Clara\"", "\"Clarissa\"");
        as(OPERATOR)
                .header("If-Match", etag)
                .body(put)
                .put("/scim/v2/Users/" + id)
                .then()
                .statusCode(412);
        as(OPERATOR)
                .header("If-Match", newer)
                .body(put)
                .put("/scim/v2/Users/" + id)
                .then()
                .statusCode(200)
                .body("name.givenName", equalTo("Clarissa"))
                .body("displayName", equalTo("Clarissa Klein"));

        // What SCIM says cannot change, or does not exist.
        as(OPERATOR)
                .body(put.replace(created.path("userName"), "someone.else"))
                .put("/scim/v2/Users/" + id)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("mutability"));
        as(OPERATOR)
                .body(Scim.patchOp("{\"op\": \"add\", \"path\": \"groups\", \"value\": [{\"value\": \"x\"}]}"))
                .patch("/scim/v2/Users/" + id)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("mutability"));
        Scim.create(OPERATOR, created.path("userName").toString().toUpperCase(), "stadt-witten")
                .then()
                .statusCode(409)
                .body("scimType", equalTo("uniqueness"));
        as(OPERATOR)
                .body("{\"userName\": \"x\"}")
                .post("/scim/v2/Users")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
    }

    @Test
    void anAuthorityBoundClientSeesAndManagesOnlyItsOwnAuthority() {
        String hagenClerk = as(OPERATOR)
                .queryParam("filter", "userName eq \"clerk.hagen\"")
                .get("/scim/v2/Users")
                .path("Resources[0].id");
        assertThat(hagenClerk).isNotNull();
        as(WITTEN)
                .queryParam("count", 500)
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("Resources.userName", not(hasItem("clerk.hagen")));
        as(WITTEN).get("/scim/v2/Users/" + hagenClerk).then().statusCode(404);
        as(WITTEN)
                .body(Scim.patchOp("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"))
                .patch("/scim/v2/Users/" + hagenClerk)
                .then()
                .statusCode(404);
        Scim.create(WITTEN, Scim.unique("intruder"), "stadt-hagen")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        as(WITTEN)
                .queryParam("filter", "displayName sw \"stadt-hagen/\"")
                .get("/scim/v2/Groups")
                .then()
                .body("totalResults", equalTo(0));
        as(WITTEN)
                .body(
                        "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"stadt-witten/admin\"}")
                .post("/scim/v2/Groups")
                .then()
                .statusCode(400);
        // Hagen's clerk cannot be put into a Witten group.
        String wittenGroup = Scim.group(WITTEN, "stadt-witten/supervisor");
        as(OPERATOR)
                .body(Scim.patchOp(
                        "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + hagenClerk + "\"}]}"))
                .patch("/scim/v2/Groups/" + wittenGroup)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
    }

    @Test
    void onlyScimClientsMayCall() {
        given().get("/scim/v2/Users")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/scim+json"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        String procedure = given().formParams(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "procedure-stadt-hagen",
                        "client_secret",
                        "test-procedure-hagen-secret"))
                .post("/token")
                .path("access_token");
        given().auth().oauth2(procedure).get("/scim/v2/Users").then().statusCode(403);
        as(WITTEN)
                .get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(200)
                .body("patch.supported", equalTo(true))
                .body("filter.supported", equalTo(true))
                .body("etag.supported", equalTo(true));
        as(WITTEN).get("/scim/v2/ResourceTypes").then().statusCode(200).body("Resources.name", hasItem("Group"));
        as(WITTEN)
                .get("/scim/v2/Schemas")
                .then()
                .statusCode(200)
                .body("Resources.id", hasItem("urn:ietf:params:scim:schemas:core:2.0:User"));
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** The audit record of that change of that account on the administration topic, checked against its contract. */
    private JsonNode administrativeChange(String entityId, String action) throws Exception {
        return administrativeChange(entityId, action, 1);
    }

    /** The latest of at least {@code atLeast} such changes (one entity's changes share a key, so they are in order). */
    private JsonNode administrativeChange(String entityId, String action, int atLeast) throws Exception {
        List<ConsumerRecord<String, String>> found = CloudEventTopics.at(kafka)
                .recordsMatching(
                        Topics.ADMINISTRATION,
                        record -> record.value() != null
                                && record.value().contains(entityId)
                                && field(record.value(), "action").equals(action),
                        atLeast,
                        Duration.ofSeconds(15));
        assertThat(found).as("%s %s", action, entityId).hasSizeGreaterThanOrEqualTo(atLeast);
        ConsumerRecord<String, String> latest = found.get(found.size() - 1);
        assertThat(CloudEventTopics.header(latest, "ce_type")).isEqualTo(AdministrativeChange.TYPE);
        JsonNode change = JSON.readTree(latest.value());
        assertThat(EventContracts.violations(AdministrativeChange.TYPE, change)).isEmpty();
        assertThat(change.get("entityId").asText()).isEqualTo(entityId);
        return change;
    }
}
