package org.amtsweg.identity.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * What the resource servers learn of a withdrawn token: a {@code TokensRevoked} on the topic
 * {@code identity}, valid against its contract, naming the tokens (and the session) to refuse.
 */
@QuarkusTest
class RevocationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aRevokedAccessTokenIsAnnouncedByItsId() throws Exception {
        String token = given().formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "amtsweg-cli",
                        "username",
                        "erika",
                        "password",
                        "123456"))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();

        given().formParams(Map.of("token", token, "client_id", "amtsweg-cli"))
                .post("/revoke")
                .then()
                .statusCode(200);

        JsonNode revocation = announcementNaming(jti);
        assertThat(revocation.get("reason").asText()).isEqualTo("revoked");
        assertThat(revocation.get("jtis")).extracting(JsonNode::asText).containsExactly(jti);
    }

    @Test
    void aRevokedRefreshTokenAnnouncesTheAccessTokensOfItsFamily() throws Exception {
        Response tokens = new Browser().loginWithEid("erika");
        String jti =
                SignedJWT.parse(tokens.path("access_token")).getJWTClaimsSet().getJWTID();

        given().formParams(Map.of("token", tokens.path("refresh_token"), "client_id", Browser.PORTAL))
                .post("/revoke")
                .then()
                .statusCode(200);

        JsonNode revocation = announcementNaming(jti);
        assertThat(revocation.get("reason").asText()).isEqualTo("revoked");
    }

    @Test
    void anEndedSessionIsAnnouncedWithItsTokens() throws Exception {
        Response tokens = new Browser().loginWithEid("erika");
        SignedJWT access = SignedJWT.parse(tokens.path("access_token"));
        String sid = access.getJWTClaimsSet().getStringClaim("sid");

        given().redirects()
                .follow(false)
                .queryParams(Map.of("id_token_hint", tokens.path("id_token"), "client_id", Browser.PORTAL))
                .get("/end-session")
                .then()
                .statusCode(Matchers.lessThan(400));

        JsonNode revocation = announcementNaming(access.getJWTClaimsSet().getJWTID());
        assertThat(revocation.get("reason").asText()).isEqualTo("session-ended");
        assertThat(revocation.get("sid").asText()).isEqualTo(sid);
    }

    private JsonNode announcementNaming(String jti) throws Exception {
        List<ConsumerRecord<String, String>> found = CloudEventTopics.at(kafka)
                .recordsMatching(
                        Topics.IDENTITY,
                        record -> record.value() != null && record.value().contains(jti),
                        1,
                        Duration.ofSeconds(15));
        assertThat(found).hasSize(1);
        ConsumerRecord<String, String> record = found.get(0);
        assertThat(CloudEventTopics.header(record, "ce_type")).isEqualTo(TokensRevoked.TYPE);
        assertThat(CloudEventTopics.header(record, "ce_source")).isEqualTo("urn:amtsweg:identity-gateway");
        JsonNode data = JSON.readTree(record.value());
        assertThat(EventContracts.violations(TokensRevoked.TYPE, data)).isEmpty();
        return data;
    }
}
