package org.amtsweg.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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
    private record Snapshot(ECKey active, ECDSASigner signer, JWKSet published) {
    }

    private volatile Snapshot snapshot;
    private final IdentityConfig config;

    public SigningKeyRing(IdentityConfig config) {
        this.config = config;
    }

    void load(@Observes StartupEvent event) throws Throwable {
        List<SigningKey> keys = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                published().chain(found -> found.isEmpty() ? generate(Instant.now()).map(List::of) : Uni.createFrom().item(found))));
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
        Instant activation = Instant.now().plus(config.keys().publishAhead());
        Instant retirement = activation.plus(config.accessTokenLifetime()).plusSeconds(60);
        return Panache.withTransaction(() -> SigningKey.update("retiresAt = ?1 where retiresAt is null and activatesAt <= ?2", retirement, activation)
                        .chain(() -> generate(activation)))
                .call(key -> reload())
                .invoke(key -> LOG.infof("signing key %s published, signs from %s", key.kid, key.activatesAt));
    }

    private static Uni<List<SigningKey>> published() {
        return SigningKey.list("retiresAt is null or retiresAt > ?1", Instant.now());
    }

    /** The key that signs now. */
    public ECKey activeKey() {
        return snapshot.active();
    }

    public ECDSASigner signer() {
        return snapshot.signer();
    }

    /** A published key by id (public part), for checking the gateway's own tokens. */
    public java.util.Optional<JWK> publishedKey(String kid) {
        return java.util.Optional.ofNullable(kid == null ? null : snapshot.published().getKeyByKeyId(kid)).map(JWK::toPublicJWK);
    }

    /** The public keys resource servers may meet in tokens: the active one and those not yet retired. */
    public Map<String, Object> publicJwks() {
        return snapshot.published().toJSONObject(true);
    }

    private static Uni<SigningKey> generate(Instant activation) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            SigningKey entity = new SigningKey();
            entity.kid = key.getKeyID();
            entity.algorithm = JWSAlgorithm.ES256.getName();
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
        ECKey activeKey = JWK.parse(active.privateJwk).toECKey();
        List<JWK> published = keys.stream().map(key -> parse(key.privateJwk)).toList();
        snapshot = new Snapshot(activeKey, new ECDSASigner(activeKey), new JWKSet(published));
        LOG.infof("signing with key %s; %d key(s) published", activeKey.getKeyID(), published.size());
    }

    private static JWK parse(String jwk) {
        try {
            return JWK.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key is not a JWK", e);
        }
    }
}
