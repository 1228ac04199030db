package org.amtsweg.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.admin.Administrator;
import org.amtsweg.catalog.admin.CatalogAdministration;
import org.amtsweg.catalog.web.CacheableResponses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /services/{key}/form} (the current version) and any published version by number. */
@Path("/services/{key}/form")
@Produces(MediaType.APPLICATION_JSON)
public class FormResource {

    private final FormCatalog forms;
    private final CacheableResponses cache;
    private final CatalogAdministration administration;
    private final JsonWebToken token;

    public FormResource(
            FormCatalog forms, CacheableResponses cache, CatalogAdministration administration, JsonWebToken token) {
        this.forms = forms;
        this.cache = cache;
        this.administration = administration;
        this.token = token;
    }

    /** Publishes a new version {@code {schema, presentation}} (administrators only); earlier versions stay as they are. */
    @POST
    @Path("/versions")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(@PathParam("key") String key, JsonNode body) {
        JsonNode input = body == null ? NullNode.getInstance() : body;
        return administration
                .publishForm(key, input.get("schema"), input.get("presentation"), Administrator.of(token))
                .chain(version -> forms.version(key, version))
                .map(published -> Response.created(URI.create("/services/" + key + "/form/versions/"
                                + published.orElseThrow().version()))
                        .entity(published.get())
                        .build());
    }

    /** The current version; {@code ?version=n} pins one, as {@code /versions/n} does (ignoring it served the current one silently). */
    @GET
    @APIResponse(
            responseCode = "200",
            description = "The service's current form (ETag; If-None-Match answers 304)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FormVersion.class)))
    public Uni<Response> current(
            @Context Request request, @PathParam("key") String key, @QueryParam("version") Integer version) {
        if (version != null) {
            return version(request, key, version);
        }
        return forms.current(key)
                .map(found -> cache.of(
                        request,
                        found.orElseThrow(() ->
                                Problems.notFound("Für die Leistung " + key + " ist kein Formular veröffentlicht.")),
                        60,
                        false));
    }

    /** A published version never changes: caches may keep it for good. */
    @GET
    @Path("/versions/{version}")
    @APIResponse(
            responseCode = "200",
            description = "The published version, which never changes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FormVersion.class)))
    public Uni<Response> version(
            @Context Request request, @PathParam("key") String key, @PathParam("version") int version) {
        return forms.version(key, version)
                .map(found -> cache.of(
                        request,
                        found.orElseThrow(() -> Problems.notFound(
                                "Die Leistung " + key + " hat keine Formularversion " + version + ".")),
                        86400,
                        true));
    }
}
