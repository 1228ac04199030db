package org.amtsweg.identity.keys;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** The JSON Web Key Set with which resource servers verify the gateway's tokens. */
@Path("/jwks")
public class JwksResource {

    private final SigningKeyRing keyRing;

    public JwksResource(SigningKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @GET
    @Produces("application/jwk-set+json")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        // Short enough that a newly published key reaches every resource server before it signs.
        cache.setMaxAge(300);
        return Response.ok(keyRing.publicJwks()).cacheControl(cache).build();
    }
}
