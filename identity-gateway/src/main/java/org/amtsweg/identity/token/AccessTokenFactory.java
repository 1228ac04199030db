package org.amtsweg.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.assurance.TrustLevel;
import org.amtsweg.identity.citizen.SubjectPseudonyms;
import org.amtsweg.identity.citizen.TestIdentity;
import org.amtsweg.identity.keys.SigningKeyRing;

/**
 * Mints JWT access tokens in the RFC 9068 profile ({@code typ: at+jwt}), releasing personal claims
 * only for the scopes granted: {@code profile} (names, birth date), {@code address} (address and
 * AGS), {@code eid} (nationality, place of birth).
 */
@ApplicationScoped
public class AccessTokenFactory {

    private final IdentityConfig config;
    private final SigningKeyRing keyRing;
    private final SubjectPseudonyms pseudonyms;

    public AccessTokenFactory(IdentityConfig config, SigningKeyRing keyRing, SubjectPseudonyms pseudonyms) {
        this.config = config;
        this.keyRing = keyRing;
        this.pseudonyms = pseudonyms;
    }

    /** A signed access token, its id, lifetime in seconds, and (in the code flow) ID and refresh token. */
    public record IssuedToken(
            String value,
            String jti,
            Instant expiresAt,
            long expiresIn,
            List<String> scopes,
            String idToken,
            String refreshToken) {

        public IssuedToken withIdToken(String idToken) {
            return new IssuedToken(value, jti, expiresAt, expiresIn, scopes, idToken, refreshToken);
        }

        public IssuedToken withRefreshToken(String refreshToken) {
            return new IssuedToken(value, jti, expiresAt, expiresIn, scopes, idToken, refreshToken);
        }
    }

    public IssuedToken issue(Principal principal, String clientId, List<String> audiences, List<String> scopes) {
        return issue(principal, clientId, audiences, scopes, null);
    }

    /** An access token; {@code sid} ties it to a login session (code flow), null otherwise. */
    public IssuedToken issue(
            Principal principal, String clientId, List<String> audiences, List<String> scopes, String sid) {
        Instant now = Instant.now();
        String jti = UUID.randomUUID().toString();
        Instant expires = now.plus(config.accessTokenLifetime());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(audiences)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", principal.authenticatedAt().getEpochSecond());
        if (sid != null) {
            claims.claim("sid", sid);
        }
        subjectClaims(claims, principal, scopes);
        return new IssuedToken(
                sign(claims.build(), "at+jwt", keyRing.accessTokenAlgorithm()),
                jti,
                expires,
                config.accessTokenLifetime().toSeconds(),
                scopes,
                null,
                null);
    }

    /** An OpenID Connect ID token for the client, with the nonce of its authorization request. */
    public String idToken(Principal principal, String clientId, List<String> scopes, String nonce, String sid) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.accessTokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", principal.authenticatedAt().getEpochSecond())
                .claim("azp", clientId);
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        if (sid != null) {
            claims.claim("sid", sid);
        }
        subjectClaims(claims, principal, scopes);
        // The client's registered id_token_signed_response_alg (RS256 unless it chose ES256).
        IdentityConfig.Client client = config.clients().get(clientId);
        JWSAlgorithm algorithm = client == null
                ? JWSAlgorithm.RS256
                : JWSAlgorithm.parse(client.idTokenSignedResponseAlg().trim());
        return sign(claims.build(), "JWT", algorithm);
    }

    private void subjectClaims(JWTClaimsSet.Builder claims, Principal principal, List<String> scopes) {
        if (principal instanceof Principal.Citizen citizen) {
            citizenClaims(claims, citizen, scopes);
        } else if (principal instanceof Principal.Staff staff) {
            claims.subject(pseudonyms.of("staff", staff.account().username))
                    .claim("preferred_username", staff.account().username)
                    .claim("name", staff.account().displayName)
                    .claim("roles", staff.account().roleList())
                    .claim("authority", staff.account().authority)
                    .claim("acr", TrustLevel.LOW.acr())
                    .claim("amr", List.of(LoginMethod.PASSWORD.amr()));
        } else if (principal instanceof Principal.Service service) {
            claims.subject(service.clientId());
            service.authority().ifPresent(authority -> claims.claim("authority", authority));
            if (!service.roles().isEmpty()) {
                claims.claim("roles", service.roles());
            }
        }
    }

    private void citizenClaims(JWTClaimsSet.Builder claims, Principal.Citizen citizen, List<String> scopes) {
        TestIdentity person = citizen.identity();
        claims.subject(pseudonyms.of("citizen", person.id()))
                .claim("acr", citizen.method().trustLevel().acr())
                .claim("amr", List.of(citizen.method().amr()));
        if (scopes.contains("profile")) {
            claims.claim("given_name", person.givenName())
                    .claim("family_name", person.familyName())
                    .claim(
                            "birthdate",
                            person.birthdate() == null
                                    ? null
                                    : person.birthdate().toString());
        }
        if (scopes.contains("address") && person.address() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("street_address", person.address().streetAddress());
            address.put("postal_code", person.address().postalCode());
            address.put("locality", person.address().locality());
            address.put("country", person.address().country());
            claims.claim("address", address).claim("municipality", person.municipality());
        }
        if (scopes.contains("eid")) {
            claims.claim("nationality", person.nationality()).claim("place_of_birth", person.placeOfBirth());
        }
    }

    private String sign(JWTClaimsSet claims, String type, JWSAlgorithm algorithm) {
        SigningKeyRing.Signing signing = keyRing.signing(algorithm);
        JWSHeader header = new JWSHeader.Builder(signing.algorithm())
                .type(new JOSEObjectType(type))
                .keyID(signing.kid())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }
}
