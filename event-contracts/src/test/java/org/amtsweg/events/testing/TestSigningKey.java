package org.amtsweg.events.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Signs real JWTs for the services' own tests with the test key whose public half each service trusts
 * through its ordinary quarkus-oidc configuration ({@code %test.quarkus.oidc.public-key}). The
 * end-to-end tests use tokens of the real identity gateway instead.
 */
public final class TestSigningKey {

    /** The issuer the services' test profiles expect. */
    public static final String ISSUER = "https://test-issuer.amtsweg.invalid";

    private static final PrivateKey KEY = load();

    private TestSigningKey() {}

    /** The claims, completed with issuer, audience, times and id, as an RS256-signed access token. */
    public static String sign(JWTClaimsSet.Builder claims, String audience) {
        return sign(claims, audience, Duration.ofSeconds(300));
    }

    /** As {@link #sign(JWTClaimsSet.Builder, String)}, expiring after {@code lifetime}. */
    public static String sign(JWTClaimsSet.Builder claims, String audience, Duration lifetime) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims.issuer(ISSUER)
                        .audience(audience)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(lifetime)))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static PrivateKey load() {
        try (InputStream in = TestSigningKey.class.getResourceAsStream("/test-signing-key.pem")) {
            String pem =
                    new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }
}
