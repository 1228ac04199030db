package org.amtsweg.identity.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.events.Topics;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An authority's specialist procedure is connected at run time: registered, used, rotated, disabled — audited throughout. */
@QuarkusTest
class ProcedureClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aRegisteredProcedureClientGetsWittenTokensUntilItsSecretIsRotatedOrItIsDisabled() throws Exception {
        String clientId =
                "procedure-stadt-witten-" + UUID.randomUUID().toString().substring(0, 8);
        Response registered =
                as("scim-stadt-witten").body(Map.of("clientId", clientId)).post("/admin/clients");
        registered
                .then()
                .statusCode(201)
                .body("clientId", equalTo(clientId))
                .body("authority", equalTo("stadt-witten"))
                .body("roles", hasItem("procedure"))
                .body("scopes", hasItem("handover"))
                .body("audiences", hasItem("case-service"))
                .body("active", equalTo(true));
        String secret = registered.path("clientSecret");
        assertThat(secret).hasSizeGreaterThan(30);

        JWTClaimsSet claims = SignedJWT.parse(
                        token(clientId, secret).then().statusCode(200).extract().<String>path("access_token"))
                .getJWTClaimsSet();
        assertThat(claims.getStringClaim("authority")).isEqualTo("stadt-witten");
        assertThat(claims.getStringListClaim("roles")).containsExactly("procedure");
        assertThat(claims.getAudience()).containsExactly("case-service");
        assertThat(claims.getStringClaim("scope")).isEqualTo("handover");
        token(clientId, "wrong-" + secret).then().statusCode(401).body("error", equalTo("invalid_client"));

        // Shown without its secret, to its authority's client and the operator's only.
        as("scim-stadt-witten")
                .get("/admin/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("clientSecret", equalTo(null));
        as("scim-operator").get("/admin/clients").then().statusCode(200).body("clients.clientId", hasItem(clientId));

        String rotated = as("scim-stadt-witten")
                .post("/admin/clients/" + clientId + "/secret")
                .then()
                .statusCode(200)
                .extract()
                .path("clientSecret");
        assertThat(rotated).isNotEqualTo(secret);
        token(clientId, secret).then().statusCode(401).body("error", equalTo("invalid_client"));
        token(clientId, rotated).then().statusCode(200);

        as("scim-stadt-witten")
                .post("/admin/clients/" + clientId + "/disable")
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        token(clientId, rotated).then().statusCode(401).body("error", equalTo("invalid_client"));

        JsonNode created = change(clientId, "created");
        assertThat(created.get("entity").asText()).isEqualTo("procedure-client");
        assertThat(created.get("authority").asText()).isEqualTo("stadt-witten");
        assertThat(created.get("actor").asText()).isEqualTo("scim-stadt-witten");
        assertThat(created.toString()).doesNotContain(secret);
        assertThat(change(clientId, "updated").toString()).doesNotContain(rotated);
        assertThat(change(clientId, "deactivated").get("after").get("active").asBoolean())
                .isFalse();
    }

    @Test
    void callersAndInputAreChecked() {
        given().contentType("application/json")
                .body(Map.of("authority", "stadt-witten"))
                .post("/admin/clients")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        // Another authority's client is not there for Witten's client; nor may it register one for Hagen.
        as("scim-stadt-witten")
                .get("/admin/clients/procedure-stadt-hagen")
                .then()
                .statusCode(404);
        as("scim-stadt-witten")
                .body(Map.of("authority", "stadt-hagen"))
                .post("/admin/clients")
                .then()
                .statusCode(403);
        as("scim-operator")
                .body(Map.of("clientId", "Nicht Gültig!"))
                .post("/admin/clients")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/authority"))
                .body("violations.pointer", hasItem("/clientId"));
        // A configured client's id cannot be taken.
        as("scim-operator")
                .body(Map.of("clientId", "procedure-stadt-hagen", "authority", "stadt-hagen"))
                .post("/admin/clients")
                .then()
                .statusCode(409);
        as("scim-stadt-witten")
                .get("/admin/clients")
                .then()
                .statusCode(200)
                .body("clients.authority", not(hasItem("stadt-hagen")));
    }

    private static RequestSpecification as(String client) {
        String secret = client.equals("scim-operator") ? "test-scim-operator-secret" : "test-scim-witten-secret";
        String token = given().formParams(
                        Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return given().auth().oauth2(token).contentType("application/json").accept("application/json");
    }

    private static Response token(String clientId, String secret) {
        return given().formParams(
                        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post("/token");
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode change(String clientId, String action) throws Exception {
        List<ConsumerRecord<String, String>> found = CloudEventTopics.at(kafka)
                .recordsMatching(
                        Topics.ADMINISTRATION,
                        record -> record.value() != null
                                && field(record.value(), "entityId").equals(clientId)
                                && field(record.value(), "action").equals(action),
                        1,
                        Duration.ofSeconds(15));
        assertThat(found).as("%s %s", action, clientId).hasSize(1);
        JsonNode change = JSON.readTree(found.get(0).value());
        assertThat(EventContracts.violations(AdministrativeChange.TYPE, change)).isEmpty();
        return change;
    }
}
