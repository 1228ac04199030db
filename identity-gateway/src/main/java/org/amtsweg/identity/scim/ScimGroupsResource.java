package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SCIM 2.0 {@code /scim/v2/Groups}: one group per role per authority ({@code stadt-witten/clerk}); its members
 * hold that role. Membership changes (PUT, PATCH of {@code members}) are audited as changes of the accounts.
 */
@Path("/scim/v2/Groups")
@Tag(name = "SCIM")
@Produces({ScimMediaType.SCIM_JSON, "application/json"})
@Consumes({ScimMediaType.SCIM_JSON, "application/json"})
public class ScimGroupsResource {

    private final AdministeringClients callers;
    private final StaffGroups groups;

    public ScimGroupsResource(AdministeringClients callers, StaffGroups groups) {
        this.callers = callers;
        this.groups = groups;
    }

    @GET
    @Operation(
            summary = "List groups",
            description = "filter (e.g. displayName sw \"stadt-witten/\"), startIndex and count")
    public Uni<Response> list(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
        AdministeringClient caller = callers.scimCaller(authorization);
        ScimQueries.parse(filter);
        return groups.all(caller)
                .map(all -> ScimMediaType.respond(200, ScimQueries.page(all, filter, startIndex, count))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One group", description = "304 when If-None-Match names its current ETag")
    public Uni<Response> get(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return groups.one(caller, id).map(shown -> shown.answer(ifNoneMatch));
    }

    @POST
    @Operation(
            summary = "Create a group",
            description = "displayName authority/role; roles clerk and supervisor (admin for the operator only)")
    public Uni<Response> create(@HeaderParam("Authorization") String authorization, String body) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return groups.create(caller, ScimPatch.body(body)).map(ScimResource::created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a group's members", description = "displayName is immutable")
    public Uni<Response> replace(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            String body) {
        AdministeringClient caller = callers.scimCaller(authorization);
        var wanted = ScimPatch.body(body);
        if (!wanted.isObject()) {
            throw ScimError.invalidSyntax("the request body must be a JSON object");
        }
        return groups.change(caller, id, ifMatch, current -> (ObjectNode) wanted)
                .map(ScimResource::answer);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Patch a group", description = "RFC 7644 §3.5.2 add/replace/remove of members")
    public Uni<Response> patch(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            String body) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return groups.change(caller, id, ifMatch, ScimPatch.operations(body, List.of("id", "meta")))
                .map(ScimResource::answer);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a group", description = "Its members lose its role")
    public Uni<Response> delete(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return groups.delete(caller, id, ifMatch)
                .replaceWith(Response.noContent().build());
    }
}
