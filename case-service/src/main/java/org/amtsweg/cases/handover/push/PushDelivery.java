package org.amtsweg.cases.handover.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.documents.CaseDocuments;
import org.amtsweg.cases.handover.CaseExport;
import org.amtsweg.cases.handover.CaseHandover;
import org.amtsweg.cases.handover.events.HandoverEventLog;
import org.amtsweg.cases.handover.events.HandoverEvents;
import org.amtsweg.cases.handover.events.PlatformKey;
import org.amtsweg.cases.handover.events.SecurityEventTokens;
import org.amtsweg.cases.handover.registration.HandoverRegistration;
import org.amtsweg.cases.handover.registration.HandoverRegistrations;
import org.amtsweg.cases.work.CaseWork;
import org.jboss.logging.Logger;

/**
 * Delivers decided cases to the procedures registered for push (FIT-Connect style): the JSON export and each
 * attachment as a compact JWE (RSA-OAEP-256 + A256GCM) to the authority's public key, in one JSON body POSTed to
 * its endpoint with a detached JWS over the body ({@value #SIGNATURE_HEADER}, ES256, the platform key of
 * {@code /handover/jwks}). A 2xx is a delivery; anything else is retried with doubling waits until the period of
 * giving up, then the delivery is FAILED: a dead letter the operator sees. Each outcome is a SET signed by the
 * platform in the case's handover log. Everything runs non-blocking (reactive SQL, Vert.x web client).
 */
@ApplicationScoped
public class PushDelivery {

    /** The header carrying the detached JWS (RFC 7515 Appendix F) over the request body. */
    public static final String SIGNATURE_HEADER = "Amtsweg-Signature";

    static final String ACTOR = "amtsweg-handover";
    private static final Logger LOG = Logger.getLogger(PushDelivery.class);
    private static final int BATCH = 16;

    private final DeliveryJobs jobs;
    private final HandoverRegistrations registrations;
    private final CaseHandover handover;
    private final CaseDocuments documents;
    private final PlatformKey platformKey;
    private final SecurityEventTokens tokens;
    private final HandoverEventLog log;
    private final CaseWork work;
    private final Pool pool;
    private final ObjectMapper mapper;
    private final CaseConfig.Handover config;
    private final WebClient client;

    public PushDelivery(
            DeliveryJobs jobs,
            HandoverRegistrations registrations,
            CaseHandover handover,
            CaseDocuments documents,
            PlatformKey platformKey,
            SecurityEventTokens tokens,
            HandoverEventLog log,
            CaseWork work,
            Pool pool,
            ObjectMapper mapper,
            CaseConfig config,
            Vertx vertx) {
        this.jobs = jobs;
        this.registrations = registrations;
        this.handover = handover;
        this.documents = documents;
        this.platformKey = platformKey;
        this.tokens = tokens;
        this.log = log;
        this.work = work;
        this.pool = pool;
        this.mapper = mapper;
        this.config = config.handover();
        this.client = WebClient.create(vertx);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Scheduled(
            every = "${amtsweg.cases.handover.poll-interval:10s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> deliverDue() {
        // The lease outlasts the slowest delivery (documents fetched, the POST timed out), so nobody else sends it
        // meanwhile.
        Duration lease = config.requestTimeout().multipliedBy(2).plusSeconds(30);
        return jobs.claim(BATCH, lease)
                .chain(claimed -> Multi.createFrom()
                        .iterable(claimed)
                        .onItem()
                        .transformToUni(this::deliver)
                        .merge(4)
                        .collect()
                        .asList())
                .replaceWithVoid()
                .onFailure()
                .invoke(failure -> LOG.warn("push deliveries not looked at", failure))
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Void> deliver(DeliveryJobs.Claimed job) {
        return registrations
                .find(job.authority())
                .chain(found -> {
                    if (found.isEmpty() || !found.get().push()) {
                        return failed(job, "keine Push-Registrierung mehr für " + job.authority());
                    }
                    HandoverRegistration registration = found.get();
                    return send(job, registration)
                            .chain(sent -> succeeded(job, sent))
                            .onFailure()
                            .recoverWithUni(failure -> retryOrGiveUp(job, String.valueOf(failure.getMessage())));
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf(failure, "push delivery of case %s could not be settled", job.caseId());
                    return Uni.createFrom().voidItem();
                });
    }

    /** What was sent: the body's SHA-256 and what it held, for the platform's "delivered" SET. */
    private record Sent(String referenceNumber, String bodySha256, List<String> attachments, int status) {}

    private Uni<Sent> send(DeliveryJobs.Claimed job, HandoverRegistration registration) {
        return handover.export(job.authority(), job.caseId()).chain(export -> {
            if (export.isEmpty()) {
                return Uni.createFrom().failure(new IllegalStateException("the case is no longer there"));
            }
            CaseExport caseExport = export.get();
            return Multi.createFrom()
                    .iterable(caseExport.attachments())
                    .onItem()
                    .transformToUniAndConcatenate(attachment -> documents
                            .fetch(job.authority(), job.caseId(), UUID.fromString(attachment.id()), ACTOR)
                            .map(document -> Map.entry(attachment, document)))
                    .collect()
                    .asList()
                    .chain(fetched -> platformKey.signingKey().chain(key -> {
                        RSAKey recipient = recipientKey(registration);
                        List<Map<String, Object>> attachments = new ArrayList<>();
                        for (var entry : fetched) {
                            attachments.add(Map.of(
                                    "id",
                                    entry.getKey().id(),
                                    "content",
                                    encrypt(
                                            recipient,
                                            entry.getValue().content(),
                                            entry.getValue().mediaType())));
                        }
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("caseId", caseExport.caseId());
                        body.put("referenceNumber", caseExport.referenceNumber());
                        body.put("authority", job.authority());
                        body.put("export", encrypt(recipient, json(caseExport), "application/json"));
                        body.put("attachments", attachments);
                        byte[] bytes = json(body);
                        return client.postAbs(registration.endpoint())
                                .timeout(config.requestTimeout().toMillis())
                                .putHeader("Content-Type", "application/json")
                                .putHeader(SIGNATURE_HEADER, sign(key, bytes, job.authority()))
                                .sendBuffer(Buffer.buffer(bytes))
                                .map(response -> {
                                    if (response.statusCode() / 100 != 2) {
                                        throw new IllegalStateException(
                                                "the endpoint answered " + response.statusCode());
                                    }
                                    return new Sent(
                                            caseExport.referenceNumber(),
                                            sha256(bytes),
                                            caseExport.attachments().stream()
                                                    .map(CaseExport.Attachment::id)
                                                    .toList(),
                                            response.statusCode());
                                });
                    }));
        });
    }

    private Uni<Void> succeeded(DeliveryJobs.Claimed job, Sent sent) {
        return platformKey
                .signingKey()
                .chain(key -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("caseId", job.caseId().toString());
                    payload.put("referenceNumber", sent.referenceNumber());
                    payload.put("bodySha256", sent.bodySha256());
                    payload.put("attachments", sent.attachments());
                    payload.put("attempt", job.attempts());
                    SecurityEventTokens.Minted set =
                            tokens.mint(key, job.authority(), job.caseId(), HandoverEvents.DELIVERED, payload);
                    return pool.withTransaction(connection -> jobs.delivered(connection, job.caseId())
                            .chain(() -> log.record(
                                    connection,
                                    job.caseId(),
                                    config.issuer(),
                                    set.jti(),
                                    HandoverEvents.DELIVERED,
                                    null,
                                    set.token()))
                            .chain(() -> work.history(
                                    connection,
                                    job.caseId(),
                                    ACTOR,
                                    "HANDOVER_DELIVERED",
                                    "verschlüsselt an das Fachverfahren übergeben (Versuch " + job.attempts()
                                            + ", Antwort " + sent.status() + ")")));
                })
                .invoke(() -> LOG.infof(
                        "case %s delivered to the procedure of %s (attempt %d)",
                        job.caseId(), job.authority(), job.attempts()));
    }

    private Uni<Void> retryOrGiveUp(DeliveryJobs.Claimed job, String error) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(job.attempts() - 1, 20));
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        OffsetDateTime giveUpAt = job.createdAt().plus(config.giveUpAfter());
        if (OffsetDateTime.now(ZoneOffset.UTC).plus(wait).isAfter(giveUpAt)) {
            return failed(job, error);
        }
        LOG.warnf(
                "push delivery of case %s to %s failed (attempt %d), again in %s: %s",
                job.caseId(), job.authority(), job.attempts(), wait, error);
        return jobs.retryLater(job.caseId(), wait, error);
    }

    /** The dead letter: the operator sees it (GET /handover/deliveries?state=FAILED, the gauge, this log line). */
    private Uni<Void> failed(DeliveryJobs.Claimed job, String error) {
        return platformKey
                .signingKey()
                .chain(key -> {
                    SecurityEventTokens.Minted set = tokens.mint(
                            key,
                            job.authority(),
                            job.caseId(),
                            HandoverEvents.DELIVERY_FAILED,
                            Map.of("caseId", job.caseId().toString(), "attempts", job.attempts(), "reason", error));
                    return pool.withTransaction(connection -> jobs.failed(connection, job.caseId(), error)
                            .chain(() -> log.record(
                                    connection,
                                    job.caseId(),
                                    config.issuer(),
                                    set.jti(),
                                    HandoverEvents.DELIVERY_FAILED,
                                    error,
                                    set.token()))
                            .chain(() -> work.history(
                                    connection,
                                    job.caseId(),
                                    ACTOR,
                                    "HANDOVER_FAILED",
                                    "Übergabe an das Fachverfahren aufgegeben nach " + job.attempts() + " Versuchen: "
                                            + error)));
                })
                .invoke(() -> LOG.errorf(
                        "push delivery of case %s to %s given up after %d attempts: %s",
                        job.caseId(), job.authority(), job.attempts(), error));
    }

    private static RSAKey recipientKey(HandoverRegistration registration) {
        try {
            return RSAKey.parse(registration.encryptionKey());
        } catch (ParseException e) {
            throw new IllegalStateException("the registered encryption key is no RSA JWK", e);
        }
    }

    private static String encrypt(RSAKey recipient, byte[] content, String mediaType) {
        JWEObject jwe = new JWEObject(
                new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                        .keyID(recipient.getKeyID())
                        .contentType(mediaType)
                        .build(),
                new Payload(content));
        try {
            jwe.encrypt(new RSAEncrypter(recipient));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt to the registered key", e);
        }
        return jwe.serialize();
    }

    /** A detached JWS over the body, naming the authority it is for (the receiver checks {@code aud}). */
    private static String sign(ECKey key, byte[] body, String authority) {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .customParam("aud", authority)
                        .customParam("iat", OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond())
                        .build(),
                new Payload(body));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the platform key cannot sign", e);
        }
        return jws.serialize(true);
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the delivery", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
