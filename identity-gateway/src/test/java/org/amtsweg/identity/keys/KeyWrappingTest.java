package org.amtsweg.identity.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The private signing keys lie in the database wrapped with the master key, never as plain JWK. */
@QuarkusTest
class KeyWrappingTest {

    @Inject
    Pool pool;

    @Inject
    SigningKeyRing keyRing;

    @Test
    void theStoredKeyMaterialHoldsNoPrivateKeyParameter() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).isNotEmpty();
        for (Row row : rows) {
            String material = row.getString("key_material");
            assertThat(material).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotStartWith("{");
            JWEObject jwe = JWEObject.parse(material);
            assertThat(jwe.getHeader().getAlgorithm().getName()).isEqualTo("A256KW");
            assertThat(jwe.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
        }
    }

    @Test
    void theKeysStillSignAfterTheyAreReadAgainAsAtARestart() throws Throwable {
        SignedJWT before = SignedJWT.parse(cliToken());
        keyRing.loadFromStore();
        SignedJWT after = SignedJWT.parse(cliToken());
        assertThat(after.getHeader().getKeyID()).isEqualTo(before.getHeader().getKeyID());
        assertThat(SigningAlgorithmsTest.verifies(after)).isTrue();
        assertThat(SigningAlgorithmsTest.verifies(before)).isTrue();
    }

    @Test
    void aPlainKeyFromAnEarlierDatabaseIsWrappedAtStartAndStillPublished() throws Throwable {
        String kid = UUID.randomUUID().toString();
        String plain = new ECKeyGenerator(Curve.P_256)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .generate()
                .toJSONString();
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        pool.preparedQuery(
                        "INSERT INTO signing_key (kid, algorithm, key_material, created_at, activates_at) VALUES ($1, 'ES256', $2, $3, $3)")
                .execute(Tuple.of(kid, plain, longAgo))
                .await()
                .indefinitely();
        try {
            keyRing.loadFromStore();
            String stored = pool.preparedQuery("SELECT key_material FROM signing_key WHERE kid = $1")
                    .execute(Tuple.of(kid))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getString("key_material");
            assertThat(stored).doesNotContain("\"d\"");
            assertThat(JWEObject.parse(stored).getHeader().getCustomParam("signing_kid"))
                    .isEqualTo(kid);
            assertThat(SigningAlgorithmsTest.jwks().getKeyByKeyId(kid)).isNotNull();
        } finally {
            pool.preparedQuery("DELETE FROM signing_key WHERE kid = $1")
                    .execute(Tuple.of(kid))
                    .await()
                    .indefinitely();
            keyRing.loadFromStore();
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        pool.query("SELECT kid, key_material FROM signing_key")
                .execute()
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    private static String cliToken() {
        return given().formParams(Map.of(
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
    }
}
