package org.amtsweg.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import org.amtsweg.application.Problems;
import org.amtsweg.application.security.Citizen;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import io.quarkus.security.identity.SecurityIdentity;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The citizen's applications: drafts, data, submission, status. */
@Path("/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final Intake intake;
    private final Applications applications;
    private final SecurityIdentity identity;
    private final ReceiptDocuments receipts;

    public ApplicationResource(Intake intake, Applications applications, SecurityIdentity identity, ReceiptDocuments receipts) {
        this.receipts = receipts;
        this.intake = intake;
        this.applications = applications;
        this.identity = identity;
    }

    /**
     * Body of {@code POST /applications}.
     *
     * @param ags the municipality the application is for; defaults to the one of the citizen's address
     */
    public record NewApplication(@NotBlank String service, @Pattern(regexp = "[0-9]{8}", message = "muss ein 8-stelliger AGS sein") String ags) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> open(@Valid NewApplication request) {
        return withCatalog(intake.open(citizen(), request.service(), request.ags()))
                .map(view -> Response.created(URI.create("/applications/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<List<ApplicationView>> mine() {
        return applications.mine(citizen().subject(), 100);
    }

    @GET
    @Path("/{id}")
    public Uni<ApplicationView> one(@PathParam("id") UUID id) {
        return applications.view(id, citizen().subject())
                .map(found -> found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + ".")));
    }

    @PUT
    @Path("/{id}/data")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> saveData(@PathParam("id") UUID id, JsonNode data) {
        return withCatalog(intake.saveDraft(citizen(), id, data));
    }

    @POST
    @Path("/{id}/submit")
    public Uni<SubmissionReceipt> submit(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw Problems.invalid("Idempotency-Key", "Der Idempotency-Key muss 1 bis 200 Zeichen lang sein.");
        }
        return withCatalog(intake.submit(citizen(), id, idempotencyKey));
    }

    /** The receipt (Eingangsbestätigung) as PDF, in the responsible authority's corporate identity when it was first issued. */
    @GET
    @Path("/{id}/receipt")
    @Produces("application/pdf")
    public Uni<Response> receipt(@PathParam("id") UUID id) {
        return applications.view(id, citizen().subject()).chain(found -> {
            ApplicationView view = found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
            if (view.referenceNumber() == null) {
                throw Problems.notEditable(view.status());
            }
            return withCatalog(receipts.document(view))
                    .map(pdf -> Response.ok(pdf, "application/pdf")
                            .header("Content-Disposition", "attachment; filename=\"Eingangsbestaetigung-" + view.referenceNumber() + ".pdf\"")
                            .build());
        });
    }

    private Citizen citizen() {
        return Citizen.from(identity);
    }

    /** A catalogue that does not answer is the platform's problem, said plainly: 503, try again. */
    static <T> Uni<T> withCatalog(Uni<T> call) {
        return call.onFailure(failure -> failure instanceof TimeoutException || failure instanceof CircuitBreakerOpenException
                        || failure instanceof jakarta.ws.rs.ProcessingException)
                .transform(failure -> Problems.catalogUnavailable());
    }
}
