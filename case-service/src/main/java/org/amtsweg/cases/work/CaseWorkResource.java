package org.amtsweg.cases.work;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.security.Clerk;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** Body of {@code POST /cases/{id}/assign}; without assignee the clerk takes the case. */
    public record Assignment(@Size(max = 100) String assignee) {
    }

    /** Body of {@code POST /cases/{id}/information-requests}. */
    public record InformationRequest(
            @NotBlank @Size(max = 5000) String message,
            @NotNull List<@Pattern(regexp = "(/[^/]*)+", message = "ein JSON-Pointer wie /wohnung/bruttokaltmiete_eur") String> fields,
            @NotNull List<@NotBlank String> documents,
            LocalDate dueDate) {
    }

    /** Body of {@code POST /cases/{id}/decision}. */
    public record Decision(
            @NotNull @Pattern(regexp = "APPROVED|REJECTED|PARTIALLY_APPROVED") String outcome,
            @NotBlank @Size(max = 20000) String reasoning,
            @NotBlank @Size(max = 20000) String noticeText) {
    }

    /** Body of {@code POST /cases/{id}/notes}. */
    public record Note(@NotBlank @Size(max = 5000) String text) {
    }

    @POST
    @Path("/assign")
    public Uni<Response> assign(@PathParam("id") UUID id, @Valid Assignment assignment, @HeaderParam("If-Match") String ifMatch) {
        return work.assign(clerk(), id, assignment == null ? null : assignment.assignee(), revision(ifMatch))
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/information-requests")
    public Uni<Response> requestInformation(@PathParam("id") UUID id, @Valid @NotNull InformationRequest request,
                                            @HeaderParam("If-Match") String ifMatch) {
        if (request.fields().isEmpty() && request.documents().isEmpty()) {
            throw Problems.invalidParameter("fields", "Eine Nachforderung nennt mindestens eine Angabe oder ein Dokument.");
        }
        return work.requestInformation(clerk(), id, request.message(), request.fields(), request.documents(), request.dueDate(), revision(ifMatch))
                .map(requestId -> Response.status(201).entity(Map.of("requestId", requestId)).build());
    }

    @POST
    @Path("/decision")
    public Uni<Response> decide(@PathParam("id") UUID id, @Valid @NotNull Decision decision, @HeaderParam("If-Match") String ifMatch) {
        return work.decide(clerk(), id, decision.outcome(), decision.reasoning(), decision.noticeText(), revision(ifMatch))
                .map(decisionId -> Response.status(201).entity(Map.of("decisionId", decisionId)).build());
    }

    @POST
    @Path("/notes")
    public Uni<Response> note(@PathParam("id") UUID id, @Valid @NotNull Note note) {
        return work.note(clerk(), id, note.text()).replaceWith(Response.noContent().build());
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
