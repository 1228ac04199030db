package org.amtsweg.application.attachment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.amtsweg.application.Problems;
import org.amtsweg.application.intake.Applications;
import org.amtsweg.application.mailbox.NoticeDocuments;
import org.amtsweg.application.status.ApplicationStatus;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The documents of submitted applications, and the decision notice issued on them, for the case
 * service, which hands them to the responsible clerks and specialist procedures after checking that
 * the case is theirs. Only a client granted the
 * scope {@code attachments.read} (the case service's own token) gets here; a draft's documents are
 * the citizen's alone until she submits.
 */
@Path("/submissions/{applicationId}")
@RolesAllowed(SubmittedDocumentsResource.SCOPE)
public class SubmittedDocumentsResource {

    static final String SCOPE = "attachments.read";
    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.application.audit");

    private final Applications applications;
    private final AttachmentStore store;
    private final NoticeDocuments notices;
    private final JsonWebToken token;

    public SubmittedDocumentsResource(
            Applications applications, AttachmentStore store, NoticeDocuments notices, JsonWebToken token) {
        this.applications = applications;
        this.store = store;
        this.notices = notices;
        this.token = token;
    }

    @GET
    @Path("/attachments/{attachmentId}")
    public Uni<Response> content(
            @PathParam("applicationId") UUID applicationId, @PathParam("attachmentId") UUID attachmentId) {
        return applications
                .status(applicationId)
                .chain(status -> {
                    // A status this service does not know is one of the case: the application reached its authority.
                    boolean submitted = status.map(stored -> ApplicationStatus.of(stored)
                                    .map(ApplicationStatus::isSubmitted)
                                    .orElse(true))
                            .orElse(false);
                    if (!submitted) {
                        throw Problems.notFound("Es gibt keinen eingereichten Antrag " + applicationId + ".");
                    }
                    return store.list(applicationId);
                })
                .chain(all -> {
                    StoredAttachment meta = all.stream()
                            .filter(attachment -> attachment.id().equals(attachmentId))
                            .findFirst()
                            .orElseThrow(() -> Problems.notFound("Es gibt kein Dokument " + attachmentId + "."));
                    AUDIT.infof(
                            "document released: application=%s attachment=%s to=%s",
                            applicationId, attachmentId, token.getSubject());
                    return store.content(applicationId, attachmentId)
                            .map(content -> meta.download(content.orElseThrow()));
                });
    }

    /** The decision notice as issued to the citizen: the same kept document she downloads. */
    @GET
    @Path("/notice")
    @Produces("application/pdf")
    public Uni<Response> notice(@PathParam("applicationId") UUID applicationId) {
        return notices.latestOf(applicationId)
                .chain(message -> {
                    UUID id = message.orElseThrow(() ->
                            Problems.notFound("Zum Antrag " + applicationId + " ist noch kein Bescheid eingegangen."));
                    AUDIT.infof("notice released: application=%s to=%s", applicationId, token.getSubject());
                    return notices.document(id);
                })
                .map(pdf -> Response.ok(pdf, "application/pdf").build());
    }
}
