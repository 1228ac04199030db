package org.amtsweg.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.amtsweg.identity.IdentityConfig;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.text.ParseException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's signing keys, held in memory so that issuing a token never touches the database.
 * Loaded from the database at start-up; a first key is generated where there is none.
 */
@ApplicationScoped
public class SigningKeyRing {

    private static final Logger LOG = Logger.getLogger(SigningKeyRing.class);

    /** What signs now and what is published; replaced as a whole so that readers never see half a rotation. */
    private record Snapshot(JWK active, JWSSigner signer, JWSAlgorithm algorithm, JWKSet published) {
    }

    private volatile Snapshot snapshot;
    private final IdentityConfig config;

    public SigningKeyRing(IdentityConfig config) {
        this.config = config;
    }

    void load(@Observes StartupEvent event) throws Throwable {
        JWSAlgorithm wanted = JWSAlgorithm.parse(config.keys().algorithm());
        List<SigningKey> keys = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> published().chain(found -> {
            if (found.isEmpty()) {
                return generate(wanted, Instant.now()).map(List::of);
            }
            if (found.stream().noneMatch(key -> wanted.getName().equals(key.algorithm))) {
                // The configured algorithm changed: an ordinary rotation, published ahead like any other.
                return rotation(wanted).chain(SigningKeyRing::published);
            }
            return Uni.createFrom().item(found);
        })));
        install(keys);
    }

    /** Every instance re-reads the keys, so that all of them publish a new key and switch to it together. */
    @Scheduled(every = "${amtsweg.identity.keys.reload-every:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return Panache.withSession(SigningKeyRing::published).invoke(keys -> {
            try {
                install(keys);
            } catch (ParseException | JOSEException e) {
                LOG.errorf("cannot install the signing keys: %s", e.getMessage());
            }
        }).replaceWithVoid();
    }

    /** Rotates when the active key is older than the rotation period (checked hourly). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rotateWhenDue() {
        Instant due = Instant.now().minus(config.keys().rotationPeriod());
        return Panache.withSession(() -> SigningKey.<SigningKey>find("order by activatesAt desc").firstResult())
                .chain(newest -> newest != null && newest.activatesAt.isBefore(due) ? rotate().replaceWithVoid() : Uni.createFrom().voidItem());
    }

    /**
     * Adds a new key that is published now and signs from {@code now + publishAhead}; the key that
     * signs now retires once every token it may still sign has expired.
     */
    public Uni<SigningKey> rotate() {
        return Panache.withTransaction(() -> rotation(JWSAlgorithm.parse(config.keys().algorithm())))
                .call(key -> reload())
                .invoke(key -> LOG.infof("signing key %s (%s) published, signs from %s", key.kid, key.algorithm, key.activatesAt));
    }

    /** In the caller's transaction: retires the keys that sign now (after their tokens expire) and adds the next. */
    private Uni<SigningKey> rotation(JWSAlgorithm algorithm) {
        Instant activation = Instant.now().plus(config.keys().publishAhead());
        Instant retirement = activation.plus(config.accessTokenLifetime()).plusSeconds(60);
        return SigningKey.update("retiresAt = ?1 where retiresAt is null and activatesAt <= ?2", retirement, activation)
                .chain(() -> generate(algorithm, activation));
    }

    private static Uni<List<SigningKey>> published() {
        return SigningKey.list("retiresAt is null or retiresAt > ?1", Instant.now());
    }

    /** The key that signs now. */
    public JWK activeKey() {
        return snapshot.active();
    }

    public JWSSigner signer() {
        return snapshot.signer();
    }

    /** The algorithm of the key that signs now. */
    public JWSAlgorithm algorithm() {
        return snapshot.algorithm();
    }

    /** A published key by id (public part), for checking the gateway's own tokens. */
    public java.util.Optional<JWK> publishedKey(String kid) {
        return java.util.Optional.ofNullable(kid == null ? null : snapshot.published().getKeyByKeyId(kid)).map(JWK::toPublicJWK);
    }

    /** The public keys resource servers may meet in tokens: the active one and those not yet retired. */
    public Map<String, Object> publicJwks() {
        return snapshot.published().toJSONObject(true);
    }

    private static Uni<SigningKey> generate(JWSAlgorithm algorithm, Instant activation) {
        try {
            String kid = UUID.randomUUID().toString();
            JWK key;
            if (JWSAlgorithm.RS256.equals(algorithm)) {
                key = new RSAKeyGenerator(3072).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).generate();
            } else if (JWSAlgorithm.ES256.equals(algorithm)) {
                key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).generate();
            } else {
                throw new IllegalArgumentException("unsupported signing algorithm " + algorithm + " (RS256 or ES256)");
            }
            SigningKey entity = new SigningKey();
            entity.kid = key.getKeyID();
            entity.algorithm = algorithm.getName();
            entity.privateJwk = key.toJSONString();
            entity.createdAt = Instant.now();
            entity.activatesAt = activation;
            LOG.infof("generated signing key %s", entity.kid);
            return entity.persist();
        } catch (JOSEException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private void install(List<SigningKey> keys) throws ParseException, JOSEException {
        Instant now = Instant.now();
        SigningKey active = keys.stream()
                .filter(key -> !key.activatesAt.isAfter(now))
                .max(Comparator.comparing(key -> key.activatesAt))
                .orElseThrow(() -> new IllegalStateException("no signing key is active"));
        JWK activeKey = JWK.parse(active.privateJwk);
        JWSAlgorithm algorithm = JWSAlgorithm.parse(active.algorithm);
        List<JWK> published = keys.stream().map(key -> parse(key.privateJwk)).toList();
        snapshot = new Snapshot(activeKey, new DefaultJWSSignerFactory().createJWSSigner(activeKey, algorithm), algorithm, new JWKSet(published));
        LOG.infof("signing with key %s (%s); %d key(s) published", activeKey.getKeyID(), algorithm, published.size());
    }

    private static JWK parse(String jwk) {
        try {
            return JWK.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key is not a JWK", e);
        }
    }
}
