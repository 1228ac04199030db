package org.amtsweg.catalog.authority;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.amtsweg.catalog.Problems;

/** {@code GET /authorities/{id}} and its logo. */
@Path("/authorities/{id}")
public class AuthorityResource {

    private final AuthorityDirectory authorities;

    public AuthorityResource(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<AuthorityView> authority(@PathParam("id") String id) {
        return authorities.find(id).map(found -> found.orElseThrow(() ->
                Problems.notFound("Behörde", "Es gibt keine Behörde mit der Kennung " + id + ".")));
    }

    @GET
    @Path("/logo")
    @Produces("image/svg+xml")
    public Uni<Response> logo(@PathParam("id") String id) {
        return authorities.logo(id).map(found -> {
            String svg = found.orElseThrow(() -> Problems.notFound("Logo", "Die Behörde " + id + " hat kein Logo hinterlegt."));
            CacheControl cache = new CacheControl();
            cache.setMaxAge(3600);
            // An SVG is a document: keep any script in it from running if someone opens the URL directly.
            return Response.ok(svg).cacheControl(cache)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }
}
