package org.amtsweg.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.util.Date;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.keys.SigningKeyRing;

/** Checks the gateway's own JWTs (for userinfo, introspection, logout hints and its admin calls). */
@ApplicationScoped
public class TokenVerifier {

    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private final SigningKeyRing keyRing;
    private final IdentityConfig config;

    public TokenVerifier(SigningKeyRing keyRing, IdentityConfig config) {
        this.keyRing = keyRing;
        this.config = config;
    }

    /** The claims of a token this gateway signed and that has not expired; empty otherwise. */
    public Optional<JWTClaimsSet> verify(String token) {
        return verify(token, false);
    }

    /**
     * @param allowExpired for logout hints: an expired ID token still says who is logging out
     */
    public Optional<JWTClaimsSet> verify(String token, boolean allowExpired) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            Optional<JWK> key = keyRing.publishedKey(jwt.getHeader().getKeyID());
            // The header's algorithm must be the key's own: a key is never used with another algorithm.
            if (key.isEmpty()
                    || !jwt.getHeader().getAlgorithm().equals(key.get().getAlgorithm())
                    || !jwt.verify(
                            VERIFIERS.createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key.get()).toPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean expired = claims.getExpirationTime() == null
                    || claims.getExpirationTime().before(new Date());
            if (!config.issuer().equals(claims.getIssuer()) || (expired && !allowExpired)) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
