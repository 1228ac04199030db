package org.amtsweg.catalog.authority;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.admin.Administrator;
import org.amtsweg.catalog.admin.AuthorityAdministration;
import org.amtsweg.catalog.admin.AuthorityInput;
import org.amtsweg.catalog.web.CacheableResponses;
import org.amtsweg.resourceserver.problem.Violation;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /authorities/{id}} and its logo. */
@Path("/authorities/{id}")
public class AuthorityResource {

    private final AuthorityDirectory authorities;
    private final CacheableResponses cache;
    private final AuthorityAdministration administration;
    private final JsonWebToken token;

    public AuthorityResource(
            AuthorityDirectory authorities,
            CacheableResponses cache,
            AuthorityAdministration administration,
            JsonWebToken token) {
        this.authorities = authorities;
        this.cache = cache;
        this.administration = administration;
        this.token = token;
    }

    /** Creates or replaces an authority with its branding (administrators only). */
    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> upsert(@PathParam("id") String id, AuthorityInput input) {
        if (input == null || !id.equals(input.id())) {
            throw Problems.invalidInput(List.of(new Violation(
                    "/id",
                    "const",
                    "Die Kennung im Inhalt muss der in der Adresse gleichen.",
                    "The identifier in the body must equal the one in the address.")));
        }
        return administration
                .upsertAuthority(input, Administrator.of(token))
                .chain(created -> authorities
                        .find(id)
                        .map(found -> Response.status(created ? 201 : 200)
                                .entity(found.orElseThrow())
                                .build()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The authority with its contact and branding (ETag; If-None-Match answers 304)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorityView.class)))
    public Uni<Response> authority(@Context Request request, @PathParam("id") String id) {
        return authorities
                .find(id)
                .map(found -> cache.of(
                        request,
                        found.orElseThrow(() -> Problems.notFound("Es gibt keine Behörde mit der Kennung " + id + ".")),
                        300,
                        false));
    }

    @GET
    @Path("/logo")
    @Produces("image/svg+xml")
    @APIResponse(
            responseCode = "200",
            description = "The authority's logo",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> logo(@PathParam("id") String id) {
        return authorities.logo(id).map(found -> {
            String svg = found.orElseThrow(() -> Problems.notFound("Die Behörde " + id + " hat kein Logo hinterlegt."));
            CacheControl cache = new CacheControl();
            cache.setMaxAge(3600);
            // An SVG is a document: keep any script in it from running if someone opens the URL directly.
            return Response.ok(svg)
                    .cacheControl(cache)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }
}
