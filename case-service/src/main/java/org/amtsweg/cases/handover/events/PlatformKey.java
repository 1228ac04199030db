package org.amtsweg.cases.handover.events;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's delivery key (ES256): it signs every push delivery and the platform's SETs; receivers verify
 * with its public half from {@code /handover/jwks}. Generated once and kept in {@code platform_signing_key}, so
 * that restarts and other instances sign with the same key (a key made per start would break every receiver's
 * cached JWKS). The oldest key is the one in use; two instances starting at once both insert, and both then use
 * the same oldest one.
 */
@ApplicationScoped
public class PlatformKey {

    private final Pool pool;
    private final AtomicReference<ECKey> current = new AtomicReference<>();

    public PlatformKey(Pool pool) {
        this.pool = pool;
    }

    public Uni<ECKey> signingKey() {
        ECKey known = current.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return oldest().chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : generate().chain(this::oldest))
                .invoke(current::set);
    }

    /** The public keys, as a JWK Set (RFC 7517 §5). */
    public Uni<Map<String, Object>> jwks() {
        return signingKey().map(key -> new JWKSet(key.toPublicJWK()).toJSONObject(true));
    }

    private Uni<ECKey> oldest() {
        return pool.preparedQuery("SELECT jwk FROM platform_signing_key ORDER BY created_at, kid LIMIT 1")
                .execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    try {
                        return ECKey.parse(rows.iterator().next().getString("jwk"));
                    } catch (ParseException e) {
                        throw new IllegalStateException("the stored platform key is no EC JWK", e);
                    }
                });
    }

    private Uni<Void> generate() {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID("amtsweg-delivery-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
        return pool.preparedQuery("INSERT INTO platform_signing_key (kid, jwk, created_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(key.getKeyID(), key.toJSONString(), OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
