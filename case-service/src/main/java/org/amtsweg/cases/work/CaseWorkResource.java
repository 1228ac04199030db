package org.amtsweg.cases.work;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.security.Clerk;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A clerk's steps on a case. {@code If-Match} with the case's ETag (its revision) makes a step fail
 * with 412 when someone changed the case between.
 */
@Path("/cases/{id}")
@RolesAllowed({"clerk", "supervisor"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CaseWorkResource {

    private final CaseWork work;
    private final JsonWebToken token;

    public CaseWorkResource(CaseWork work, JsonWebToken token) {
        this.work = work;
        this.token = token;
    }

    /**
     * Body of {@code POST /cases/{id}/assign}; without assignee the clerk takes the case. A case a
     * colleague holds is taken over only explicitly ({@code takeOver} with a {@code reason}), or given
     * to someone by a supervisor.
     */
    public record Assignment(String assignee, Boolean takeOver, String reason) {}

    /** Body of {@code POST /cases/{id}/information-requests}. */
    public record InformationRequest(String message, List<String> fields, List<String> documents, LocalDate dueDate) {}

    /** Body of {@code POST /cases/{id}/decision}. */
    public record Decision(String outcome, String reasoning, String noticeText) {}

    /** Body of {@code POST /cases/{id}/notes}. */
    public record Note(String text) {}

    // Each body is checked completely by WorkInput (422 with every pointer) before the case is touched.

    @POST
    @Path("/assign")
    public Uni<Response> assign(
            @PathParam("id") UUID id, Assignment assignment, @HeaderParam("If-Match") String ifMatch) {
        Assignment body = assignment == null ? new Assignment(null, null, null) : assignment;
        WorkInput.checkAssignment(body.assignee(), body.takeOver(), body.reason());
        return work.assign(
                        clerk(),
                        id,
                        body.assignee(),
                        Boolean.TRUE.equals(body.takeOver()),
                        body.reason(),
                        revision(ifMatch))
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/information-requests")
    public Uni<Response> requestInformation(
            @PathParam("id") UUID id, InformationRequest request, @HeaderParam("If-Match") String ifMatch) {
        WorkInput.checkInformationRequest(request.message(), request.fields(), request.documents(), request.dueDate());
        return work.requestInformation(
                        clerk(),
                        id,
                        request.message(),
                        request.fields(),
                        request.documents(),
                        request.dueDate(),
                        revision(ifMatch))
                .map(requestId -> Response.status(201)
                        .entity(Map.of("requestId", requestId))
                        .build());
    }

    @POST
    @Path("/decision")
    public Uni<Response> decide(@PathParam("id") UUID id, Decision decision, @HeaderParam("If-Match") String ifMatch) {
        WorkInput.checkDecision(decision.outcome(), decision.reasoning(), decision.noticeText());
        return work.decide(
                        clerk(), id, decision.outcome(), decision.reasoning(), decision.noticeText(), revision(ifMatch))
                .map(decisionId -> Response.status(201)
                        .entity(Map.of("decisionId", decisionId))
                        .build());
    }

    @POST
    @Path("/notes")
    public Uni<Response> note(@PathParam("id") UUID id, Note note) {
        WorkInput.checkNote(note.text());
        return work.note(clerk(), id, note.text())
                .replaceWith(Response.noContent().build());
    }

    private Clerk clerk() {
        return Clerk.ofAuthority(token);
    }

    /** The revision an {@code If-Match: "7"} names; absent means "whatever the current one is". */
    private static Integer revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw Problems.invalidParameter("If-Match", "If-Match muss das ETag des Vorgangs enthalten.");
        }
    }
}
