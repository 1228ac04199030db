package org.amtsweg.cases.handover;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.security.Clerk;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * The pull feed of the specialist procedures (Fachverfahren): decided cases awaiting takeover. Each
 * case's export and the acknowledgement are steps on the case ({@code /cases/{id}/export},
 * {@code /cases/{id}/handover}) — nothing twice, nothing lost.
 */
@Path("/handover")
@RolesAllowed({"clerk", "supervisor", "procedure"})
public class HandoverResource {

    private final CaseHandover handover;
    private final JsonWebToken token;

    public HandoverResource(CaseHandover handover, JsonWebToken token) {
        this.handover = handover;
        this.token = token;
    }

    /** The pull feed: decided cases of the caller's authority that no procedure has taken over yet. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<CaseHandover.Pending>> pending(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problems.invalidParameter("limit", "limit muss zwischen 1 und 1000 liegen.");
        }
        return handover.pending(clerk().authority(), limit);
    }

    private Clerk clerk() {
        return Clerk.ofAuthority(token);
    }
}
