package org.amtsweg.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.amtsweg.application.Problems;
import org.amtsweg.application.security.Citizen;
import org.amtsweg.resourceserver.http.Download;
import org.amtsweg.resourceserver.problem.Violation;

/** The citizen's applications: drafts, data, submission, status. */
@Path("/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final Intake intake;
    private final Applications applications;
    private final SecurityIdentity identity;
    private final ReceiptDocuments receipts;

    public ApplicationResource(
            Intake intake, Applications applications, SecurityIdentity identity, ReceiptDocuments receipts) {
        this.receipts = receipts;
        this.intake = intake;
        this.applications = applications;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> open(NewApplication request) {
        if (request == null) {
            throw Problems.invalidField(
                    "",
                    "required",
                    "Der Inhalt fehlt: erwartet wird {\"service\": \"…\"}.",
                    "The body is missing: expected is {\"service\": \"…\"}.");
        }
        List<Violation> violations = request.violations();
        if (!violations.isEmpty()) {
            throw Problems.invalidFields(violations);
        }
        return intake.open(citizen(), request.service(), request.ags())
                .map(view -> Response.created(URI.create("/applications/" + view.id()))
                        .entity(view)
                        .build());
    }

    /** All of the citizen's applications; those above her login's trust level without their data (see {@link Applications#mine}). */
    @GET
    public Uni<List<ApplicationView>> mine() {
        return applications.mine(citizen(), 100);
    }

    @GET
    @Path("/{id}")
    public Uni<ApplicationView> one(@PathParam("id") UUID id) {
        return applications
                .view(id, citizen())
                .map(found -> found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + ".")));
    }

    @PUT
    @Path("/{id}/data")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> saveData(@PathParam("id") UUID id, JsonNode data) {
        return intake.saveDraft(citizen(), id, data);
    }

    @POST
    @Path("/{id}/submit")
    public Uni<SubmissionReceipt> submit(
            @PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && !IdempotencyKey.isWellFormed(idempotencyKey)) {
            throw Problems.invalidParameter(
                    "Idempotency-Key",
                    "Der Idempotency-Key muss 1 bis " + IdempotencyKey.MAX_LENGTH
                            + " druckbare ASCII-Zeichen lang sein (z. B. eine UUID).");
        }
        return intake.submit(citizen(), id, idempotencyKey);
    }

    /** The receipt (Eingangsbestätigung) as PDF, in the responsible authority's corporate identity when it was first issued. */
    @GET
    @Path("/{id}/receipt")
    @Produces("application/pdf")
    public Uni<Response> receipt(@PathParam("id") UUID id) {
        return applications.view(id, citizen()).chain(found -> {
            ApplicationView view = found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
            if (view.referenceNumber() == null) {
                throw Problems.notEditable(view.status());
            }
            return receipts.document(view)
                    .map(pdf -> Download.of(
                            pdf, "application/pdf", "Eingangsbestaetigung-" + view.referenceNumber() + ".pdf"));
        });
    }

    private Citizen citizen() {
        return Citizen.from(identity);
    }
}
