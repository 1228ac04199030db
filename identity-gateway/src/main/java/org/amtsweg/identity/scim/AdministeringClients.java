package org.amtsweg.identity.scim;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Optional;
import org.amtsweg.identity.token.TokenVerifier;

/**
 * Recognises an {@link AdministeringClient} by its bearer token: one of this gateway's own access tokens,
 * issued by client credentials (the subject is the client itself, not a person), for the audience
 * {@code identity-gateway}, with scope {@code scim}. Its {@code authority} claim, if any, binds it.
 */
@ApplicationScoped
public class AdministeringClients {

    public static final String AUDIENCE = "identity-gateway";
    public static final String SCOPE = "scim";

    private final TokenVerifier verifier;

    public AdministeringClients(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Empty when the header carries no valid token; see {@link #mayAdminister} for the rights. */
    public Optional<JWTClaimsSet> token(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        return token == null || token.isEmpty() ? Optional.empty() : verifier.verify(token);
    }

    /** The caller, if the token is a client's own with scope scim for this gateway; empty otherwise (403). */
    public Optional<AdministeringClient> mayAdminister(JWTClaimsSet claims) {
        try {
            String clientId = claims.getStringClaim("client_id");
            String scope = claims.getStringClaim("scope");
            boolean ownBehalf = clientId != null && clientId.equals(claims.getSubject());
            boolean scoped = scope != null && Arrays.asList(scope.split(" ")).contains(SCOPE);
            boolean audience =
                    claims.getAudience() != null && claims.getAudience().contains(AUDIENCE);
            if (!ownBehalf || !scoped || !audience) {
                return Optional.empty();
            }
            return Optional.of(
                    new AdministeringClient(clientId, Optional.ofNullable(claims.getStringClaim("authority"))));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** For the SCIM endpoints: the caller, or a SCIM error 401/403. */
    public AdministeringClient scimCaller(String authorization) {
        JWTClaimsSet claims =
                token(authorization).orElseThrow(() -> new ScimError(401, null, "a valid bearer token is required"));
        return mayAdminister(claims)
                .orElseThrow(() -> new ScimError(
                        403, null, "the token does not grant scope scim to a client acting on its own behalf"));
    }
}
