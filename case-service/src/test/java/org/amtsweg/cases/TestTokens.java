package org.amtsweg.cases;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.InputStream;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs real JWTs with the test key whose public half the service trusts through its ordinary
 * quarkus-oidc configuration ({@code %test.quarkus.oidc.public-key}).
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** Erika Mustermann of Hagen, as the eID card vouches for her, at the given trust level. */
    public static String erika(String acr) {
        return citizen("erika-pseudonym", "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11", "58095", "Hagen", "05914000", acr);
    }

    public static String citizen(String subject, String given, String family, String birthdate, String street, String postalCode,
                                 String locality, String ags, String acr) {
        return sign(new JWTClaimsSet.Builder().subject(subject)
                .claim("acr", acr).claim("amr", List.of("hwk"))
                .claim("given_name", given).claim("family_name", family).claim("birthdate", birthdate)
                .claim("address", Map.of("street_address", street, "postal_code", postalCode, "locality", locality, "country", "DE"))
                .claim("municipality", ags));
    }

    public static String staff(String username, String authority, String... roles) {
        return sign(new JWTClaimsSet.Builder().subject("staff-" + username).claim("preferred_username", username).claim("authority", authority)
                .claim("roles", List.of(roles)).claim("acr", "low"));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).build(),
                    claims.issuer("https://test-issuer.amtsweg.invalid").audience("case-service").issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }
}
