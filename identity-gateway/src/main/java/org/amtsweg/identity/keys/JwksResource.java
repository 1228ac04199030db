package org.amtsweg.identity.keys;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON Web Key Set with which resource servers verify the gateway's tokens. */
@Path("/jwks")
public class JwksResource {

    private final SigningKeyRing keyRing;

    public JwksResource(SigningKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    /**
     * Served as {@code application/jwk-set+json} (RFC 7517 §8.5) and, for clients that ask for plain JSON
     * (many OIDC libraries send {@code Accept: application/json}), as {@code application/json}.
     */
    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        // Short enough that a newly published key reaches every resource server before it signs.
        cache.setMaxAge(300);
        // Written as text: the JSON writer is not chosen for every media type the client may accept (application/*).
        return Response.ok(JSONObjectUtils.toJSONString(keyRing.publicJwks()))
                .cacheControl(cache)
                .build();
    }
}
