package org.amtsweg.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.assurance.TrustLevel;
import org.amtsweg.identity.citizen.SubjectPseudonyms;
import org.amtsweg.identity.citizen.TestIdentity;
import org.amtsweg.identity.keys.SigningKeyRing;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** A signed access token and its lifetime in seconds. */
    public record IssuedToken(String value, long expiresIn, List<String> scopes) {
    }

    public IssuedToken issue(Principal principal, String clientId, List<String> audiences, List<String> scopes) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.accessTokenLifetime());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(audiences)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", principal.authenticatedAt().getEpochSecond());
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
        }
        return new IssuedToken(sign(claims.build()), config.accessTokenLifetime().toSeconds(), scopes);
    }

    private void citizenClaims(JWTClaimsSet.Builder claims, Principal.Citizen citizen, List<String> scopes) {
        TestIdentity person = citizen.identity();
        claims.subject(pseudonyms.of("citizen", person.id()))
                .claim("acr", citizen.method().trustLevel().acr())
                .claim("amr", List.of(citizen.method().amr()));
        if (scopes.contains("profile")) {
            claims.claim("given_name", person.givenName())
                    .claim("family_name", person.familyName())
                    .claim("birthdate", person.birthdate().toString());
        }
        if (scopes.contains("address")) {
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

    private String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("at+jwt"))
                .keyID(keyRing.activeKey().getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keyRing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }
}
