package org.amtsweg.identity.keys;

import com.nimbusds.jwt.JWTClaimsSet;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amtsweg.identity.token.TokenVerifier;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.security.SecurityProblems;
import org.jboss.logging.Logger;

/**
 * {@code POST /admin/keys/rotate}: rotates the signing key now (e.g. after a suspected leak), for an
 * administrator's token. The gateway checks its own token directly, with its own keys.
 */
@Path("/admin/keys")
public class KeyAdministrationResource {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final SigningKeyRing keyRing;
    private final TokenVerifier verifier;

    public KeyAdministrationResource(SigningKeyRing keyRing, TokenVerifier verifier) {
        this.keyRing = keyRing;
        this.verifier = verifier;
    }

    @POST
    @Path("/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> rotate(@HeaderParam("Authorization") String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        var claims = token == null ? Optional.<JWTClaimsSet>empty() : verifier.verify(token);
        if (claims.isEmpty()) {
            return Uni.createFrom().item(SecurityProblems.unauthenticated().toResponse());
        }
        Object roles = claims.get().getClaim("roles");
        if (!(roles instanceof List<?> list) || !list.contains("admin")) {
            return Uni.createFrom()
                    .item(PlatformProblem.FORBIDDEN
                            .problem("Signaturschlüssel rotieren nur Administratorinnen und Administratoren.")
                            .toResponse());
        }
        return keyRing.rotate().map(key -> {
            AUDIT.infof("signing key rotated by an administrator: new kid=%s", key.kid);
            return Response.ok(Map.of("kid", key.kid, "activatesAt", key.activatesAt.toString()))
                    .build();
        });
    }
}
