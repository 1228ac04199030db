package org.amtsweg.catalog.responsibility;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.admin.Administrator;
import org.amtsweg.catalog.admin.AuthorityAdministration;
import org.amtsweg.catalog.authority.AuthorityDirectory;
import org.amtsweg.catalog.authority.AuthorityView;
import org.amtsweg.catalog.web.CacheableResponses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /responsibility?service=&ags=} — the responsible authority (Zuständigkeit), with its branding. */
@Path("/responsibility")
public class ResponsibilityResource {

    private final ResponsibilityResolver resolver;
    private final AuthorityDirectory authorities;
    private final CacheableResponses cache;
    private final AuthorityAdministration administration;
    private final JsonWebToken token;

    public ResponsibilityResource(
            ResponsibilityResolver resolver,
            AuthorityDirectory authorities,
            CacheableResponses cache,
            AuthorityAdministration administration,
            JsonWebToken token) {
        this.resolver = resolver;
        this.authorities = authorities;
        this.cache = cache;
        this.administration = administration;
        this.token = token;
    }

    /** Body of {@code PUT /responsibility/{service}/{area}}. */
    public record Assignment(String authorityId) {}

    /** Makes an authority responsible for a service in an area (administrators only). */
    @PUT
    @Path("/{service}/{area}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> assign(
            @PathParam("service") String service, @PathParam("area") String area, Assignment assignment) {
        return administration
                .assignResponsibility(
                        service, area, assignment == null ? null : assignment.authorityId(), Administrator.of(token))
                .replaceWith(Response.noContent().build());
    }

    /** The answer: who is responsible, by which rule, and the authority itself (name, contact, branding). */
    public record ResponsibilityView(String service, String ags, String matchedArea, AuthorityView authority) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The responsible authority and the area whose rule made it responsible",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResponsibilityView.class)))
    public Uni<Response> responsibility(
            @Context Request request, @QueryParam("service") String service, @QueryParam("ags") String ags) {
        if (service == null || service.isBlank()) {
            throw Problems.invalidParameter("service", "Der Parameter service (Schlüssel der Leistung) fehlt.");
        }
        if (!AreaHierarchy.isAgs(ags)) {
            throw Problems.invalidParameter(
                    "ags", "Der Parameter ags muss ein 8-stelliger Amtlicher Gemeindeschlüssel sein.");
        }
        return resolver.resolve(service, ags).chain(found -> {
            if (found.isEmpty()) {
                throw Problems.noResponsibility(service, ags);
            }
            ResponsibilityResolver.Responsibility responsibility = found.get();
            return authorities
                    .find(responsibility.authorityId())
                    .map(authority -> cache.of(
                            request,
                            new ResponsibilityView(service, ags, responsibility.matchedArea(), authority.orElseThrow()),
                            300,
                            false));
        });
    }
}
