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
 * SCIM 2.0 {@code /scim/v2/Users} (RFC 7644 §3): the staff accounts of the authorities, for the operator's or
 * one authority's identity management. ETags are the accounts' versions; {@code If-Match} guards every change.
 */
@Path("/scim/v2/Users")
@Tag(name = "SCIM", description = "Provisioning of staff accounts and their groups (RFC 7643/7644)")
@Produces({ScimMediaType.SCIM_JSON, "application/json"})
@Consumes({ScimMediaType.SCIM_JSON, "application/json"})
public class ScimUsersResource {

    private final AdministeringClients callers;
    private final StaffAccounts accounts;

    public ScimUsersResource(AdministeringClients callers, StaffAccounts accounts) {
        this.callers = callers;
        this.accounts = accounts;
    }

    @GET
    @Operation(
            summary = "List staff accounts",
            description =
                    "filter (RFC 7644 §3.4.2.2), startIndex (from 1) and count; an authority-bound client sees its own authority's accounts only")
    public Uni<Response> list(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
        AdministeringClient caller = callers.scimCaller(authorization);
        ScimQueries.parse(filter);
        return accounts.all(caller)
                .map(all -> ScimMediaType.respond(200, ScimQueries.page(all, filter, startIndex, count))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One staff account", description = "304 when If-None-Match names its current ETag")
    public Uni<Response> get(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return accounts.one(caller, id).map(shown -> shown.answer(ifNoneMatch));
    }

    @POST
    @Operation(
            summary = "Create a staff account",
            description = "Without password the answer carries a one-time activation link " + "(extension "
                    + ScimMediaType.ACTIVATION + "); the authority is the enterprise extension's organization")
    public Uni<Response> create(@HeaderParam("Authorization") String authorization, String body) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return accounts.create(caller, ScimPatch.body(body))
                .map(created -> new ScimResource(created.representation(), created.etag()).created());
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "Replace a staff account",
            description =
                    "userName and organization are immutable; active=false ends her sessions and revokes her tokens")
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
        return accounts.change(caller, id, ifMatch, current -> (ObjectNode) wanted)
                .map(ScimResource::answer);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Patch a staff account",
            description = "RFC 7644 §3.5.2 add/replace/remove; groups are changed on the Group")
    public Uni<Response> patch(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            String body) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return accounts.change(caller, id, ifMatch, ScimPatch.operations(body, List.of("groups", "id", "meta")))
                .map(ScimResource::answer);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a staff account",
            description = "Ends her sessions and revokes her tokens in the same transaction")
    public Uni<Response> delete(
            @HeaderParam("Authorization") String authorization,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch) {
        AdministeringClient caller = callers.scimCaller(authorization);
        return accounts.delete(caller, id, ifMatch)
                .replaceWith(Response.noContent().build());
    }
}
