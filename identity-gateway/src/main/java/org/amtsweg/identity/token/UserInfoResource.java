package org.amtsweg.identity.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OpenID Connect UserInfo: the claims the access token's scopes release, for a token that is still valid. */
@Path("/userinfo")
public class UserInfoResource {

    private static final List<String> RELEASED = List.of(
            "given_name",
            "family_name",
            "birthdate",
            "address",
            "municipality",
            "nationality",
            "place_of_birth",
            "preferred_username",
            "name",
            "roles",
            "authority");

    private final TokenVerifier verifier;
    private final TokenStore store;

    public UserInfoResource(TokenVerifier verifier, TokenStore store) {
        this.verifier = verifier;
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@HeaderParam("Authorization") String authorization) {
        return userInfo(authorization);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> post(@HeaderParam("Authorization") String authorization) {
        return userInfo(authorization);
    }

    private Uni<Response> userInfo(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        var claims = token == null ? Optional.<JWTClaimsSet>empty() : verifier.verify(token);
        if (claims.isEmpty() || claims.get().getClaim("client_id") == null) {
            return Uni.createFrom().item(invalidToken());
        }
        return store.accessTokenRevoked(claims.get().getJWTID()).map(revoked -> {
            if (revoked) {
                return invalidToken();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", claims.get().getSubject());
            for (String name : RELEASED) {
                Object value = claims.get().getClaim(name);
                if (value != null) {
                    body.put(name, value);
                }
            }
            return Response.ok(body).header("Cache-Control", "no-store").build();
        });
    }

    private static Response invalidToken() {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .build();
    }
}
