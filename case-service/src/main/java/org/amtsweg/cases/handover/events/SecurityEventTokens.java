package org.amtsweg.cases.handover.events;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.Problems;

/**
 * Security Event Tokens (RFC 8417) of the handover, as JWS: the platform's own, signed with its delivery key,
 * and the procedure's, verified against the signing key its authority registered — signature, {@code iss} (the
 * authority), {@code aud} (the platform), {@code iat} (not in the future, not older than allowed), a {@code jti},
 * and exactly one known event naming the case.
 */
@ApplicationScoped
public class SecurityEventTokens {

    static final int MAX_JTI = 200;
    static final int MAX_REASON = 2_000;
    private static final Set<String> ANSWERS = Set.of(HandoverEvents.ACCEPTED, HandoverEvents.REJECTED);

    /** A SET the platform signed. */
    public record Minted(String jti, String token) {}

    /** A procedure's verified answer about one case. */
    public record Answer(String issuer, String jti, String event, UUID caseId, String reason, String token) {
        public boolean accepted() {
            return HandoverEvents.ACCEPTED.equals(event);
        }
    }

    private final CaseConfig config;

    public SecurityEventTokens(CaseConfig config) {
        this.config = config;
    }

    /** The platform's SET about a case, addressed to its authority. */
    public Minted mint(ECKey key, String authority, UUID caseId, String event, Map<String, Object> payload) {
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.handover().issuer())
                .audience(authority)
                .issueTime(new Date())
                .jwtID(jti)
                .claim("txn", caseId.toString())
                .claim("events", Map.of(event, payload))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType(HandoverEvents.TYP))
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the platform key cannot sign", e);
        }
        return new Minted(jti, jwt.serialize());
    }

    /** Verifies a procedure's SET against the key its authority registered; refusals are 400 or 403 problems. */
    public Answer verify(String compact, String authority, Map<String, Object> registeredKey) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact == null ? "" : compact.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw Problems.invalidSecurityEvent(
                    "invalid_request", "Der Inhalt ist kein Security Event Token (RFC 8417) als kompakte JWS.");
        }
        JOSEObjectType typ = jwt.getHeader().getType();
        if (typ != null
                && !HandoverEvents.TYP.equals(typ.getType())
                && !("application/" + HandoverEvents.TYP).equals(typ.getType())) {
            throw Problems.invalidSecurityEvent(
                    "invalid_request", "Der JOSE-Typ eines SET ist \"" + HandoverEvents.TYP + "\".");
        }
        if (!authority.equals(claims.getIssuer())) {
            throw Problems.unverifiedSecurityEvent(
                    "invalid_issuer", "Der Aussteller (iss) muss Ihre Behörde sein: " + authority + ".");
        }
        if (registeredKey == null) {
            throw Problems.unverifiedSecurityEvent(
                    "invalid_key",
                    "Für " + authority + " ist kein Signaturschlüssel registriert (PUT /handover/registrations/"
                            + authority + ").");
        }
        if (!signedBy(jwt, registeredKey)) {
            throw Problems.unverifiedSecurityEvent(
                    "authentication_failed", "Die Signatur passt nicht zum registrierten Schlüssel Ihrer Behörde.");
        }
        if (claims.getAudience() == null
                || !claims.getAudience().contains(config.handover().issuer())) {
            throw Problems.invalidSecurityEvent(
                    "invalid_audience",
                    "Der Empfänger (aud) muss " + config.handover().issuer() + " sein.");
        }
        Instant now = Instant.now();
        Date iat = claims.getIssueTime();
        if (iat == null
                || iat.toInstant().isAfter(now.plus(config.handover().clockSkew()))
                || iat.toInstant().isBefore(now.minus(config.handover().maxEventAge()))) {
            throw Problems.invalidSecurityEvent(
                    "invalid_request",
                    "Der Ausstellungszeitpunkt (iat) fehlt oder liegt zu weit in der Zukunft oder Vergangenheit.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI) {
            throw Problems.invalidSecurityEvent(
                    "invalid_request", "Die Kennung (jti) fehlt oder ist länger als " + MAX_JTI + " Zeichen.");
        }
        return answer(claims, authority, jti, compact.strip());
    }

    private Answer answer(JWTClaimsSet claims, String authority, String jti, String token) {
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            events = null;
        }
        if (events == null
                || events.size() != 1
                || !ANSWERS.contains(events.keySet().iterator().next())
                || !(events.values().iterator().next() instanceof Map<?, ?> payload)) {
            throw Problems.invalidSecurityEvent(
                    "invalid_request",
                    "Das SET trägt genau ein Ereignis: " + HandoverEvents.ACCEPTED + " oder " + HandoverEvents.REJECTED
                            + ", mit caseId (und reason bei rejected).");
        }
        String event = events.keySet().iterator().next();
        UUID caseId;
        try {
            caseId = UUID.fromString(String.valueOf(payload.get("caseId")));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidSecurityEvent("invalid_request", "Das Ereignis nennt den Vorgang als caseId (UUID).");
        }
        Object reason = payload.get("reason");
        if (HandoverEvents.REJECTED.equals(event)
                && !(reason instanceof String text && !text.isBlank() && text.length() <= MAX_REASON)) {
            throw Problems.invalidSecurityEvent(
                    "invalid_request", "Eine Ablehnung nennt ihren Grund (reason, 1–" + MAX_REASON + " Zeichen).");
        }
        return new Answer(authority, jti, event, caseId, reason instanceof String text ? text.strip() : null, token);
    }

    private static boolean signedBy(SignedJWT jwt, Map<String, Object> registeredKey) {
        try {
            JWK key = JWK.parse(registeredKey);
            JWSVerifier verifier = new DefaultJWSVerifierFactory()
                    .createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key).toPublicKey());
            return jwt.verify(verifier);
        } catch (ParseException | JOSEException | ClassCastException e) {
            // A key of another type than the signature's algorithm: not signed by the registered key.
            return false;
        }
    }
}
