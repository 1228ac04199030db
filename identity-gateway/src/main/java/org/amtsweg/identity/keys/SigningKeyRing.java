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
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.text.ParseException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amtsweg.identity.IdentityConfig;
import org.jboss.logging.Logger;

/**
 * The gateway's signing keys, held in memory so that issuing a token never touches the database: one
 * active key per algorithm ({@link #ALGORITHMS}: ES256 and RS256), because access tokens use the
 * configured algorithm and each client's ID tokens the one it registered. Loaded from the database at
 * start-up, where the keys lie wrapped with the master key ({@link MasterKeys}); a first key of each
 * kind is generated where there is none.
 */
@ApplicationScoped
public class SigningKeyRing {

    /** The algorithms the gateway signs with; OpenID Connect requires RS256 among them. */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private static final Logger LOG = Logger.getLogger(SigningKeyRing.class);

    /** A key that signs now: its id, algorithm and signer. */
    public record Signing(String kid, JWSAlgorithm algorithm, JWSSigner signer) {}

    /** What signs now and what is published; replaced as a whole so that readers never see half a rotation. */
    private record Snapshot(Map<JWSAlgorithm, Signing> active, JWKSet published) {}

    private volatile Snapshot snapshot;
    private final IdentityConfig config;
    private final MasterKeys masterKeys;

    public SigningKeyRing(IdentityConfig config, MasterKeys masterKeys) {
        this.config = config;
        this.masterKeys = masterKeys;
    }

    void load(@Observes StartupEvent event) throws Throwable {
        // A configuration error stops the start here, not at the first token.
        accessTokenAlgorithm();
        config.clients()
                .forEach((id, client) -> supported(
                        client.idTokenSignedResponseAlg(),
                        "amtsweg.identity.clients." + id + ".id-token-signed-response-alg"));
        loadFromStore();
    }

    /**
     * Reads the key set as at start-up: wraps plain keys (from before the wrapping) and keys wrapped with
     * an earlier master key with the current one, and adds a key of each algorithm that has none yet — at
     * once where there is no key at all, else published ahead like any rotation.
     */
    public void loadFromStore() throws Throwable {
        List<SigningKey> keys = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> published()
                .call(this::wrapUnwrapped)
                .chain(found -> {
                    Instant activation = found.isEmpty()
                            ? Instant.now()
                            : Instant.now().plus(config.keys().publishAhead());
                    List<JWSAlgorithm> missing = ALGORITHMS.stream()
                            .filter(algorithm -> found.stream()
                                    .noneMatch(key -> algorithm.getName().equals(key.algorithm)))
                            .toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    return Multi.createFrom()
                            .iterable(missing)
                            .onItem()
                            .transformToUniAndConcatenate(algorithm -> generate(algorithm, activation))
                            .collect()
                            .asList()
                            .chain(SigningKeyRing::published);
                })));
        install(keys);
    }

    private Uni<Void> wrapUnwrapped(List<SigningKey> keys) {
        List<SigningKey> toWrap = keys.stream()
                .filter(key -> masterKeys.needsWrapping(key.keyMaterial))
                .toList();
        for (SigningKey key : toWrap) {
            key.keyMaterial = masterKeys.wrap(key.kid, masterKeys.unwrap(key.kid, key.keyMaterial));
            LOG.infof("signing key %s wrapped with the current master key", key.kid);
        }
        return toWrap.isEmpty() ? Uni.createFrom().voidItem() : Panache.flush();
    }

    /** Every instance re-reads the keys, so that all of them publish a new key and switch to it together. */
    @Scheduled(
            every = "${amtsweg.identity.keys.reload-every:30s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return Panache.withSession(SigningKeyRing::published)
                .invoke(keys -> {
                    try {
                        install(keys);
                    } catch (RuntimeException | ParseException | JOSEException e) {
                        LOG.error("cannot install the signing keys", e);
                    }
                })
                .replaceWithVoid();
    }

    /** Rotates when the active keys are older than the rotation period (checked hourly). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rotateWhenDue() {
        Instant due = Instant.now().minus(config.keys().rotationPeriod());
        return Panache.withSession(() ->
                        SigningKey.<SigningKey>find("order by activatesAt desc").firstResult())
                .chain(newest -> newest != null && newest.activatesAt.isBefore(due)
                        ? rotate().replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    /**
     * Adds a new key of each algorithm that is published now and signs from {@code now + publishAhead};
     * the keys that sign now retire once every token they may still sign has expired. Returns the new key
     * of the access tokens' algorithm.
     */
    public Uni<SigningKey> rotate() {
        JWSAlgorithm access = accessTokenAlgorithm();
        return Panache.withTransaction(this::rotation)
                .call(keys -> reload())
                .invoke(keys -> keys.forEach(key -> LOG.infof(
                        "signing key %s (%s) published, signs from %s", key.kid, key.algorithm, key.activatesAt)))
                .map(keys -> keys.stream()
                        .filter(key -> access.getName().equals(key.algorithm))
                        .findFirst()
                        .orElseThrow());
    }

    /** In the caller's transaction: retires the keys that sign now (after their tokens expire) and adds the next ones. */
    private Uni<List<SigningKey>> rotation() {
        Instant activation = Instant.now().plus(config.keys().publishAhead());
        Instant retirement = activation.plus(config.accessTokenLifetime()).plusSeconds(60);
        return SigningKey.update("retiresAt = ?1 where retiresAt is null and activatesAt <= ?2", retirement, activation)
                .chain(() -> Multi.createFrom()
                        .iterable(ALGORITHMS)
                        .onItem()
                        .transformToUniAndConcatenate(algorithm -> generate(algorithm, activation))
                        .collect()
                        .asList());
    }

    private static Uni<List<SigningKey>> published() {
        return SigningKey.list("retiresAt is null or retiresAt > ?1", Instant.now());
    }

    /** The algorithm of access tokens ({@code amtsweg.identity.keys.access-token-algorithm}). */
    public JWSAlgorithm accessTokenAlgorithm() {
        return supported(config.keys().accessTokenAlgorithm(), "amtsweg.identity.keys.access-token-algorithm");
    }

    /** The algorithm a name stands for, if the gateway signs with it; else a configuration error naming the property. */
    public static JWSAlgorithm supported(String name, String property) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim());
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalStateException(property + " must be one of " + ALGORITHMS + ", not " + name);
        }
        return algorithm;
    }

    /**
     * The key that signs now with the algorithm asked for. Until the first key of a newly added algorithm
     * is active (published ahead), the access tokens' algorithm stands in, so that no token carries a key
     * that resource servers may not know yet.
     */
    public Signing signing(JWSAlgorithm algorithm) {
        Map<JWSAlgorithm, Signing> active = snapshot.active();
        Signing signing = active.get(algorithm);
        if (signing != null) {
            return signing;
        }
        return Optional.ofNullable(active.get(accessTokenAlgorithm()))
                .orElseGet(() -> active.values().iterator().next());
    }

    /** A published key by id (public part), for checking the gateway's own tokens. */
    public Optional<JWK> publishedKey(String kid) {
        return Optional.ofNullable(kid == null ? null : snapshot.published().getKeyByKeyId(kid));
    }

    /** The public keys resource servers may meet in tokens: the active ones and those not yet retired, of every algorithm. */
    public Map<String, Object> publicJwks() {
        return snapshot.published().toJSONObject(true);
    }

    private Uni<SigningKey> generate(JWSAlgorithm algorithm, Instant activation) {
        try {
            String kid = UUID.randomUUID().toString();
            JWK key;
            if (JWSAlgorithm.RS256.equals(algorithm)) {
                // 3072 bits: the length BSI TR-02102-1 asks for RSA signatures.
                key = new RSAKeyGenerator(3072)
                        .keyID(kid)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .generate();
            } else if (JWSAlgorithm.ES256.equals(algorithm)) {
                key = new ECKeyGenerator(Curve.P_256)
                        .keyID(kid)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .generate();
            } else {
                throw new IllegalArgumentException("unsupported signing algorithm " + algorithm + " (RS256 or ES256)");
            }
            SigningKey entity = new SigningKey();
            entity.kid = key.getKeyID();
            entity.algorithm = algorithm.getName();
            entity.keyMaterial = masterKeys.wrap(entity.kid, key.toJSONString());
            entity.createdAt = Instant.now();
            entity.activatesAt = activation;
            LOG.infof("generated signing key %s (%s)", entity.kid, algorithm);
            return entity.persist();
        } catch (JOSEException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private void install(List<SigningKey> keys) throws ParseException, JOSEException {
        Instant now = Instant.now();
        Map<JWSAlgorithm, Signing> active = new LinkedHashMap<>();
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            Optional<SigningKey> signing = keys.stream()
                    .filter(key -> algorithm.getName().equals(key.algorithm) && !key.activatesAt.isAfter(now))
                    .max(Comparator.comparing(key -> key.activatesAt));
            if (signing.isPresent()) {
                JWK jwk = JWK.parse(masterKeys.unwrap(signing.get().kid, signing.get().keyMaterial));
                active.put(
                        algorithm,
                        new Signing(
                                jwk.getKeyID(),
                                algorithm,
                                new DefaultJWSSignerFactory().createJWSSigner(jwk, algorithm)));
            }
        }
        if (active.isEmpty()) {
            throw new IllegalStateException("no signing key is active");
        }
        List<JWK> published = keys.stream()
                .map(key -> parse(key.kid, masterKeys.unwrap(key.kid, key.keyMaterial))
                        .toPublicJWK())
                .toList();
        snapshot = new Snapshot(Map.copyOf(active), new JWKSet(published));
        LOG.debugf(
                "signing with %s; %d key(s) published",
                active.values().stream().map(Signing::kid).toList(), published.size());
    }

    private static JWK parse(String kid, String jwk) {
        try {
            return JWK.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + kid + " is not a JWK", e);
        }
    }
}
