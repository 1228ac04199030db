package org.amtsweg.catalog.services;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.admin.Administrator;
import org.amtsweg.catalog.admin.CatalogAdministration;
import org.amtsweg.catalog.admin.ServiceInput;
import org.amtsweg.catalog.authority.AuthorityDirectory;
import org.amtsweg.catalog.responsibility.AreaHierarchy;
import org.amtsweg.catalog.search.ServiceQuery;
import org.amtsweg.catalog.search.ServiceSearch;
import org.amtsweg.catalog.web.CacheableResponses;
import org.amtsweg.resourceserver.problem.Violation;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /services} (search) and {@code GET /services/{key}}: public reads, no login needed. */
@Path("/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private static final Set<String> HANDLINGS = Set.of("online", "external", "in-person");
    private static final Set<String> AVAILABILITIES = Set.of("online", "external", "planned", "offline");

    private final ServiceCatalog catalog;
    private final ServiceSearch search;
    private final AuthorityDirectory authorities;
    private final CacheableResponses cache;
    private final CatalogAdministration administration;
    private final JsonWebToken token;

    public ServiceResource(
            ServiceCatalog catalog,
            ServiceSearch search,
            AuthorityDirectory authorities,
            CacheableResponses cache,
            CatalogAdministration administration,
            JsonWebToken token) {
        this.catalog = catalog;
        this.search = search;
        this.authorities = authorities;
        this.cache = cache;
        this.administration = administration;
        this.token = token;
    }

    /** Creates or replaces a service (administrators only); audited and announced as {@code CatalogChanged}. */
    @PUT
    @Path("/{key}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> upsert(@PathParam("key") String key, ServiceInput input) {
        if (input == null) {
            throw Problems.invalidInput(List.of(
                    new Violation("", "required", "Der Inhalt der Anfrage fehlt.", "The request body is missing.")));
        }
        if (!key.equals(input.key())) {
            throw Problems.invalidInput(List.of(new Violation(
                    "/key",
                    "const",
                    "Der Schlüssel im Inhalt muss dem in der Adresse gleichen.",
                    "The key in the body must equal the one in the address.")));
        }
        return administration
                .upsertService(input, Administrator.of(token))
                .chain(created -> catalog.find(key)
                        .map(found -> Response.status(created ? 201 : 200)
                                .entity(found.orElseThrow())
                                .build()));
    }

    @GET
    public Uni<Response> search(
            @Context Request request,
            @QueryParam("q") String text,
            @QueryParam("topic") String topic,
            @QueryParam("booster") Boolean booster,
            @QueryParam("handling") String handling,
            @QueryParam("authority") String authority,
            @QueryParam("ags") String ags,
            @QueryParam("availability") String availability,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (handling != null && !HANDLINGS.contains(handling)) {
            throw Problems.invalidParameter("handling", "handling muss online, external oder in-person sein.");
        }
        if (availability != null && !AVAILABILITIES.contains(availability)) {
            throw Problems.invalidParameter(
                    "availability", "availability muss online, external, planned oder offline sein.");
        }
        if (ags != null && !AreaHierarchy.isAgs(ags)) {
            throw Problems.invalidParameter("ags", "ags muss ein 8-stelliger Amtlicher Gemeindeschlüssel sein.");
        }
        if (page < 0) {
            throw Problems.invalidParameter("page", "page muss eine Zahl ≥ 0 sein.");
        }
        if (size < 1 || size > 100) {
            throw Problems.invalidParameter("size", "size muss zwischen 1 und 100 liegen.");
        }
        if (availability != null && authority == null && ags == null) {
            throw Problems.invalidParameter(
                    "availability", "availability filtert nur zusammen mit authority oder ags.");
        }
        Uni<Optional<String>> scope = authority != null
                ? Uni.createFrom().item(Optional.of(authority))
                : ags != null ? authorities.idServing(ags) : Uni.createFrom().item(Optional.empty());
        return scope.chain(authorityId -> search.search(new ServiceQuery(
                        text, topic, booster, handling, authorityId.orElse(null), availability, page, size)))
                .map(result -> cache.of(request, result, 60, false));
    }

    @GET
    @Path("/{key}")
    @APIResponse(
            responseCode = "200",
            description = "The service (ETag; If-None-Match answers 304)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ServiceDetails.class)))
    public Uni<Response> service(@Context Request request, @PathParam("key") String key) {
        return catalog.find(key)
                .map(found -> cache.of(
                        request,
                        found.orElseThrow(
                                () -> Problems.notFound("Es gibt keine Leistung mit dem Schlüssel " + key + ".")),
                        300,
                        false));
    }
}
