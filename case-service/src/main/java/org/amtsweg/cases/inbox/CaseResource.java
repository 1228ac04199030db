package org.amtsweg.cases.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.security.Clerk;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.UUID;

/** The clerk's inbox and the case view, for the clerk's own authority only. */
@Path("/cases")
@RolesAllowed({"clerk", "supervisor"})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final Set<String> STATUSES = Set.of("RECEIVED", "IN_REVIEW", "INFORMATION_REQUESTED", "DECIDED", "CLOSED",
            "WITHDRAWN", "HANDED_OVER");

    private final CaseQueries queries;
    private final JsonWebToken token;

    public CaseResource(CaseQueries queries, JsonWebToken token) {
        this.queries = queries;
        this.token = token;
    }

    @GET
    public Uni<InboxPage> inbox(@QueryParam("status") String status, @QueryParam("service") String service,
                                @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw Problems.invalidParameter("status", "status muss einer von " + STATUSES + " sein.");
        }
        if (limit < 1 || limit > 200) {
            throw Problems.invalidParameter("limit", "limit muss zwischen 1 und 200 liegen.");
        }
        CaseQueries.Cursor cursor;
        try {
            cursor = after == null ? null : CaseQueries.Cursor.decode(after);
        } catch (RuntimeException e) {
            throw Problems.invalidParameter("after", "after ist kein gültiger Cursor dieser Liste.");
        }
        return queries.inbox(clerk().authority(), status, service, cursor, limit);
    }

    @GET
    @Path("/{id}")
    public Uni<jakarta.ws.rs.core.Response> one(@PathParam("id") UUID id) {
        return queries.details(clerk().authority(), id)
                .map(found -> found.orElseThrow(() -> Problems.notFound("Es gibt keinen Vorgang " + id + " Ihrer Behörde.")))
                // The revision is the ETag: steps sent with If-Match fail with 412 if the case changed meanwhile.
                .map(details -> jakarta.ws.rs.core.Response.ok(details).tag(String.valueOf(details.revision())).build());
    }

    private Clerk clerk() {
        Clerk clerk = Clerk.from(token);
        if (clerk.authority() == null) {
            throw Problems.noAuthority();
        }
        return clerk;
    }
}
